// The few GSL headers PlanForecast uses (Debian: libgsl-dev, GPL-3.0-or-later).
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_gamma.h>
