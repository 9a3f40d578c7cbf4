-- wrk script: POST a valid repair form (no one-time token, so every request creates a repair).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "name=%E5%BC%A0%E4%B8%89&phone=13800138000&address=%E5%8C%97%E4%BA%AC%E5%B8%82%E6%B5%B7%E6%B7%80%E5%8C%BA1%E5%8F%B7&product=%E7%A9%BA%E8%B0%83&model=KFR-35&fault=%E4%B8%8D%E5%88%B6%E5%86%B7&preferred_time=%E5%91%A8%E5%85%AD"
