// Declarations of the LAPACK routines PlanForecast calls (Fortran ABI, gfortran
// convention: every argument by pointer, hidden string lengths appended as size_t).
// Debian ships no lapack.h for the reference/OpenBLAS LAPACK, so we declare them here.
// Only the Swift module `LinearAlgebra` may use these.
#ifndef PLANFORECAST_CLAPACK_SHIM_H
#define PLANFORECAST_CLAPACK_SHIM_H
#include <stddef.h>

// QR factorisation with column pivoting: A P = Q R.
void dgeqp3_(const int *m, const int *n, double *a, const int *lda, int *jpvt,
             double *tau, double *work, const int *lwork, int *info);
// Apply Q or Q^T from a QR factorisation.
void dormqr_(const char *side, const char *trans, const int *m, const int *n,
             const int *k, const double *a, const int *lda, const double *tau,
             double *c, const int *ldc, double *work, const int *lwork, int *info,
             size_t side_len, size_t trans_len);
// Solve a triangular system.
void dtrtrs_(const char *uplo, const char *trans, const char *diag, const int *n,
             const int *nrhs, const double *a, const int *lda, double *b,
             const int *ldb, int *info, size_t uplo_len, size_t trans_len,
             size_t diag_len);
// Inverse of a triangular matrix.
void dtrtri_(const char *uplo, const char *diag, const int *n, double *a,
             const int *lda, int *info, size_t uplo_len, size_t diag_len);
// Reciprocal condition number of a triangular matrix.
void dtrcon_(const char *norm, const char *uplo, const char *diag, const int *n,
             const double *a, const int *lda, double *rcond, double *work,
             int *iwork, int *info, size_t norm_len, size_t uplo_len,
             size_t diag_len);
// Minimum-norm least squares by complete orthogonal factorisation.
void dgelsy_(const int *m, const int *n, const int *nrhs, double *a,
             const int *lda, double *b, const int *ldb, int *jpvt,
             const double *rcond, int *rank, double *work, const int *lwork,
             int *info);
// Minimum-norm least squares by SVD (divide and conquer).
void dgelsd_(const int *m, const int *n, const int *nrhs, double *a,
             const int *lda, double *b, const int *ldb, double *s,
             const double *rcond, int *rank, double *work, const int *lwork,
             int *iwork, int *info);
// Singular value decomposition.
void dgesvd_(const char *jobu, const char *jobvt, const int *m, const int *n,
             double *a, const int *lda, double *s, double *u, const int *ldu,
             double *vt, const int *ldvt, double *work, const int *lwork,
             int *info, size_t jobu_len, size_t jobvt_len);
// Cholesky factorisation of a symmetric positive definite matrix.
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info,
             size_t uplo_len);
// Symmetric eigenvalues (used to explain a correlation matrix that is not PD).
void dsyev_(const char *jobz, const char *uplo, const int *n, double *a,
            const int *lda, double *w, double *work, const int *lwork, int *info,
            size_t jobz_len, size_t uplo_len);
// Machine parameters.
double dlamch_(const char *cmach, size_t cmach_len);

#endif
