/* C interface to Google ctemplate: dictionaries, sections, includes, expansion. Every template is auto-escaped. */
#ifndef AFTERSALES_TMPL_H
#define AFTERSALES_TMPL_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tmpl_dict tmpl_dict;

/* Loads every *.tpl file of dir into the template cache and freezes it. A template whose first
 * line is not the HTML auto-escape pragma is refused. Call once before threads start.
 * Returns 0, or -1 after printing the reason to stderr. */
int tmpl_init(const char *dir);

/* A new root dictionary, owned by the caller and freed with tmpl_dict_free. */
tmpl_dict *tmpl_dict_new(void);
void tmpl_dict_free(tmpl_dict *d);

/* Values are copied; NULL sets the empty string. */
void tmpl_set(tmpl_dict *d, const char *key, const char *val);
void tmpl_set_int(tmpl_dict *d, const char *key, long long val);
/* tmpl_set, and shows section key too when val is not empty, so that a page leaves out an empty
 * field whole: {{#KEY}}<dt>…</dt><dd>{{KEY}}</dd>{{/KEY}}. */
void tmpl_set_filled(tmpl_dict *d, const char *key, const char *val);
/* Adds one more repetition of section name and returns its dictionary (owned by d). */
tmpl_dict *tmpl_section(tmpl_dict *d, const char *name);
/* Shows section name once with d's own values. */
void tmpl_show(tmpl_dict *d, const char *name);
/* Fills include marker {{>name}} with file; returns the included template's dictionary (owned by d). */
tmpl_dict *tmpl_include(tmpl_dict *d, const char *name, const char *file);

/* Expands file with d into a malloc'd, NUL-terminated buffer that the caller frees.
 * Returns 0, or -1 when the template is unknown or expansion failed. */
int tmpl_expand(const char *file, const tmpl_dict *d, char **out, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
