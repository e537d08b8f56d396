import CGSL
import Foundation

/// Gauss-Hermite nodes and weights for Int f(z) exp(-z^2/2) dz (probabilists' weight), by the
/// Golub-Welsch method: the nodes are the eigenvalues of the Jacobi matrix of the monic
/// Hermite recurrence (off-diagonal sqrt(k)), the weights sqrt(2 pi) times the squared first
/// components of the eigenvectors (GSL `gsl_eigen_symmv`). Exact for f polynomial of degree
/// < 2n; the window fit's Bayesian marginalisation uses it around the likelihood's peak.
struct GaussHermiteRule: Sendable {
    let nodes: [Double]
    let weights: [Double]

    init(points n: Int) {
        precondition(n >= 1 && n <= 100)
        _ = GSLSetup.ready
        let jacobi = gsl_matrix_calloc(n, n)!, vectors = gsl_matrix_alloc(n, n)!
        let values = gsl_vector_alloc(n)!, work = gsl_eigen_symmv_alloc(n)!
        defer { gsl_matrix_free(jacobi); gsl_matrix_free(vectors); gsl_vector_free(values); gsl_eigen_symmv_free(work) }
        for k in 1..<max(n, 1) {
            let b = Double(k).squareRoot()
            gsl_matrix_set(jacobi, k - 1, k, b)
            gsl_matrix_set(jacobi, k, k - 1, b)
        }
        gsl_eigen_symmv(jacobi, values, vectors, work)
        gsl_eigen_symmv_sort(values, vectors, GSL_EIGEN_SORT_VAL_ASC)
        nodes = (0..<n).map { gsl_vector_get(values, $0) }
        weights = (0..<n).map { let v = gsl_matrix_get(vectors, 0, $0); return (2 * Double.pi).squareRoot() * v * v }
    }
}
