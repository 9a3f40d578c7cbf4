/* SVG charts: the geometry is worked out here, the markup is templates/chart.tpl (auto-escaped). */
#include "chart.h"

#include <math.h>

#define W 640.0
#define H 260.0
#define LEFT 48.0
#define RIGHT 8.0
#define TOP 12.0
#define BOTTOM 44.0
#define MAX_XLABELS 12

double chart_nice_max(double v)
{
	if (v <= 0)
		return 1;
	double p = pow(10, floor(log10(v)));
	double steps[] = {1, 2, 5, 10};
	for (unsigned i = 0; i < 4; i++)
		if (steps[i] * p >= v - 1e-9)
			return steps[i] * p;
	return 10 * p;
}

static const char *figure(struct arena *a, double v, int decimals)
{
	return arena_printf(a, "%.*f", decimals, v);
}

void chart_fill(struct arena *a, tmpl_dict *d, const char *marker, const struct chart *c)
{
	tmpl_dict *f = tmpl_include(d, marker, "chart.tpl");
	tmpl_set(f, "TITLE", c->title);
	if (c->unit && *c->unit)
		tmpl_set(tmpl_section(f, "HAS_UNIT"), "UNIT", c->unit);
	double max = c->max;
	unsigned nbars = 0;
	for (unsigned s = 0; s < c->nseries; s++) {
		nbars += !c->series[s].line;
		for (unsigned i = 0; !c->max && i < c->n; i++)
			if (c->series[s].values[i] > max)
				max = c->series[s].values[i];
	}
	if (!c->max)
		max = chart_nice_max(max);
	double pw = W - LEFT - RIGHT, ph = H - TOP - BOTTOM;
	double cw = c->n ? pw / c->n : pw;
	for (int g = 0; g <= 4; g++) {
		tmpl_dict *grid = tmpl_section(f, "GRID");
		double y = TOP + ph - ph * g / 4;
		tmpl_set(grid, "Y", arena_printf(a, "%.1f", y));
		tmpl_set(grid, "V", figure(a, max * g / 4, max < 4 && c->decimals ? c->decimals : 0));
	}
	unsigned every = c->n > MAX_XLABELS ? (c->n + MAX_XLABELS - 1) / MAX_XLABELS : 1;
	for (unsigned i = 0; i < c->n; i += every) {
		tmpl_dict *x = tmpl_section(f, "XLABEL");
		tmpl_set(x, "X", arena_printf(a, "%.1f", LEFT + cw * (i + 0.5)));
		tmpl_set(x, "TEXT", c->labels[i]);
	}
	unsigned bar = 0;
	for (unsigned s = 0; s < c->nseries && s < 4; s++) {
		const struct chart_series *se = &c->series[s];
		tmpl_dict *legend = tmpl_section(f, "LEGEND");
		tmpl_set_int(legend, "S", s);
		tmpl_set(legend, "LABEL", se->label);
		tmpl_set(tmpl_section(f, "HEAD"), "LABEL", se->label);
		if (se->line) {
			struct arena_text points = {.arena = a};
			arena_text_puts(&points, "");
			for (unsigned i = 0; i < c->n; i++) {
				if (se->values[i] < 0)
					continue;
				double y = TOP + ph - ph * (se->values[i] > max ? max : se->values[i]) / max;
				arena_text_puts(&points, arena_printf(a, "%s%.1f,%.1f", points.len ? " " : "",
								      LEFT + cw * (i + 0.5), y));
			}
			tmpl_dict *line = tmpl_section(f, "LINE");
			tmpl_set_int(line, "S", s);
			tmpl_set(line, "POINTS", points.buf);
			continue;
		}
		double bw = cw * 0.8 / (nbars ? nbars : 1);
		for (unsigned i = 0; i < c->n; i++) {
			double v = se->values[i];
			if (v <= 0)
				continue;
			double h = ph * (v > max ? max : v) / max;
			tmpl_dict *b = tmpl_section(f, "BAR");
			tmpl_set_int(b, "S", s);
			tmpl_set(b, "X", arena_printf(a, "%.1f", LEFT + cw * i + cw * 0.1 + bw * bar));
			tmpl_set(b, "Y", arena_printf(a, "%.1f", TOP + ph - h));
			tmpl_set(b, "W", arena_printf(a, "%.1f", bw > 1 ? bw - 0.5 : bw));
			tmpl_set(b, "H", arena_printf(a, "%.1f", h));
			tmpl_set(b, "TIP", arena_printf(a, "%s %s：%s%s", c->labels[i], se->label, figure(a, v, c->decimals),
							c->unit ? c->unit : ""));
		}
		bar++;
	}
	for (unsigned i = 0; i < c->n; i++) {
		tmpl_dict *row = tmpl_section(f, "ROW");
		tmpl_set(row, "LABEL", c->labels[i]);
		for (unsigned s = 0; s < c->nseries && s < 4; s++)
			tmpl_set(tmpl_section(row, "V"), "TEXT",
				 c->series[s].values[i] < 0 ? "—" : figure(a, c->series[s].values[i], c->decimals));
	}
}
