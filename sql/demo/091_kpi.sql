-- The demo records were loaded without the application: build the staff KPIs from them.
CALL kpi_rebuild();
