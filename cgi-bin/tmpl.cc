// The only C++ in the program: wraps ctemplate behind the C API in tmpl.h; no exception crosses into C.
#include "tmpl.h"

#include <ctemplate/template.h>
#include <dirent.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

using ctemplate::TemplateDictionary;

static const char PRAGMA[] = "{{%AUTOESCAPE context=\"HTML\"}}";
static const ctemplate::Strip STRIP = ctemplate::STRIP_BLANK_LINES;

static TemplateDictionary *D(tmpl_dict *d) { return reinterpret_cast<TemplateDictionary *>(d); }
static tmpl_dict *C(TemplateDictionary *d) { return reinterpret_cast<tmpl_dict *>(d); }

static bool has_pragma(const std::string &path)
{
	std::ifstream in(path);
	std::string first;
	std::getline(in, first);
	return first.compare(0, sizeof(PRAGMA) - 1, PRAGMA) == 0;
}

extern "C" int tmpl_init(const char *dir)
{
	try {
		DIR *dh = opendir(dir);
		if (!dh) {
			std::fprintf(stderr, "templates: cannot open %s\n", dir);
			return -1;
		}
		ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(dir);
		int rc = 0, count = 0;
		while (struct dirent *e = readdir(dh)) {
			size_t n = std::strlen(e->d_name);
			if (n < 5 || std::strcmp(e->d_name + n - 4, ".tpl") != 0)
				continue;
			std::string path = std::string(dir) + "/" + e->d_name;
			if (!has_pragma(path)) {
				std::fprintf(stderr, "templates: %s does not start with %s\n", path.c_str(), PRAGMA);
				rc = -1;
			} else if (!ctemplate::LoadTemplate(e->d_name, STRIP)) {
				std::fprintf(stderr, "templates: %s does not parse\n", path.c_str());
				rc = -1;
			}
			count++;
		}
		closedir(dh);
		if (count == 0) {
			std::fprintf(stderr, "templates: no *.tpl in %s\n", dir);
			rc = -1;
		}
		ctemplate::mutable_default_template_cache()->Freeze();
		return rc;
	} catch (...) {
		return -1;
	}
}

extern "C" tmpl_dict *tmpl_dict_new(void)
{
	try {
		return C(new TemplateDictionary("page"));
	} catch (...) {
		std::abort();
	}
}

extern "C" void tmpl_dict_free(tmpl_dict *d)
{
	delete D(d);
}

extern "C" void tmpl_set(tmpl_dict *d, const char *key, const char *val)
{
	try {
		D(d)->SetValue(key, val ? val : "");
	} catch (...) {
		std::abort();
	}
}

extern "C" void tmpl_set_int(tmpl_dict *d, const char *key, long long val)
{
	try {
		D(d)->SetFormattedValue(key, "%lld", val);
	} catch (...) {
		std::abort();
	}
}

extern "C" void tmpl_set_filled(tmpl_dict *d, const char *key, const char *val)
{
	tmpl_set(d, key, val);
	if (val && *val)
		tmpl_show(d, key);
}

extern "C" tmpl_dict *tmpl_section(tmpl_dict *d, const char *name)
{
	try {
		return C(D(d)->AddSectionDictionary(name));
	} catch (...) {
		std::abort();
	}
}

extern "C" void tmpl_show(tmpl_dict *d, const char *name)
{
	try {
		D(d)->ShowSection(name);
	} catch (...) {
		std::abort();
	}
}

extern "C" tmpl_dict *tmpl_include(tmpl_dict *d, const char *name, const char *file)
{
	try {
		TemplateDictionary *sub = D(d)->AddIncludeDictionary(name);
		sub->SetFilename(file);
		return C(sub);
	} catch (...) {
		std::abort();
	}
}

extern "C" int tmpl_expand(const char *file, const tmpl_dict *d, char **out, size_t *len)
{
	try {
		std::string s;
		if (!ctemplate::ExpandTemplate(file, STRIP, reinterpret_cast<const TemplateDictionary *>(d), &s))
			return -1;
		char *buf = static_cast<char *>(std::malloc(s.size() + 1));
		if (!buf)
			return -1;
		std::memcpy(buf, s.data(), s.size());
		buf[s.size()] = '\0';
		*out = buf;
		*len = s.size();
		return 0;
	} catch (...) {
		return -1;
	}
}
