/* Charts drawn on the server as SVG inside the page (templates/chart.tpl), no JavaScript, each with
 * its figures in a table beside it. */
#ifndef AFTERSALES_CHART_H
#define AFTERSALES_CHART_H
#include "request.h"

struct chart_series {
	const char *label;
	const double *values;  /* one per category; a negative value is not drawn */
	int line;              /* 0: bars, side by side with the other bar series; 1: a line */
};

struct chart {
	const char *title;
	const char *unit;               /* after each figure in the table and the axis: "件", "%" */
	unsigned n;                     /* categories along the x axis */
	const char *const *labels;      /* n labels: days, weeks, scores */
	const struct chart_series *series;
	unsigned nseries;               /* at most 4 */
	double max;                     /* top of the y axis; 0: from the data */
	int decimals;                   /* figures' decimals */
};

/* Shows c at include marker {{>marker}} of d. */
void chart_fill(struct arena *a, tmpl_dict *d, const char *marker, const struct chart *c);
/* A round number at or above v for an axis: 1, 2 or 5 times a power of ten. Pure. */
double chart_nice_max(double v);

#endif
