import CGSL
import CHDF5
import Foundation
import Testing

/// Proves that GSL and HDF5 are linked and callable (SQLite is proven in ProvenanceTests).
@Suite struct CLibrariesTests {
    @Test func gslGammaFunctionMatchesKnownValues() {
        // Gamma(5) = 4! = 24; Gamma(1/2) = sqrt(pi) (Abramowitz & Stegun 6.1.8).
        #expect(abs(gsl_sf_gamma(5) - 24) < 1e-12)
        #expect(abs(gsl_sf_gamma(0.5) - Double.pi.squareRoot()) < 1e-14)
        // Regularised incomplete gamma P(1, x) = 1 - e^-x.
        #expect(abs(gsl_sf_gamma_inc_P(1, 2.3) - (1 - exp(-2.3))) < 1e-14)
    }

    @Test func gslQuadratureOfAGaussian() {
        // Int_0^inf exp(-x^2) dx = sqrt(pi)/2.
        let workspace = gsl_integration_workspace_alloc(1000)
        defer { gsl_integration_workspace_free(workspace) }
        var f = gsl_function(function: { x, _ in exp(-x * x) }, params: nil)
        var result = 0.0, error = 0.0
        let status = gsl_integration_qagiu(&f, 0, 0, 1e-12, 1000, workspace, &result, &error)
        #expect(status == GSL_SUCCESS)
        #expect(abs(result - Double.pi.squareRoot() / 2) < 1e-12)
    }

    @Test func hdf5RoundTrip() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clib-\(UUID().uuidString).h5").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        ds_h5_silence_errors()
        let values: [Double] = [1.5, -2.25, 3.125, 1e-300, .infinity]
        let file = H5Fcreate(path, ds_h5f_acc_trunc(), ds_h5p_default(), ds_h5p_default())
        #expect(file >= 0)
        var dims: [hsize_t] = [hsize_t(values.count)]
        let space = H5Screate_simple(1, &dims, nil)
        let ds = H5Dcreate2(file, "x", ds_h5t_native_double(), space, ds_h5p_default(), ds_h5p_default(), ds_h5p_default())
        #expect(values.withUnsafeBytes { H5Dwrite(ds, ds_h5t_native_double(), ds_h5s_all(), ds_h5s_all(), ds_h5p_default(), $0.baseAddress) } >= 0)
        H5Dclose(ds); H5Sclose(space); H5Fclose(file)

        let reopened = H5Fopen(path, ds_h5f_acc_rdonly(), ds_h5p_default())
        let ds2 = H5Dopen2(reopened, "x", ds_h5p_default())
        var back = [Double](repeating: 0, count: values.count)
        #expect(back.withUnsafeMutableBytes { H5Dread(ds2, ds_h5t_native_double(), ds_h5s_all(), ds_h5s_all(), ds_h5p_default(), $0.baseAddress) } >= 0)
        H5Dclose(ds2); H5Fclose(reopened)
        #expect(back == values)
    }

    /// The event store's Fletcher-32 equals HDF5's bit for bit (every length up to a few
    /// blocks of 360 words, odd lengths, unaligned starts, and data whose sums hit the folds).
    @Test func fletcher32MatchesHDF5() {
        var state: UInt64 = 0x1234_5678_9ABC_DEF0
        func next() -> UInt8 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        for pattern in 0..<3 {
            let bytes: [UInt8] = (0..<200_000).map { _ in pattern == 0 ? next() : pattern == 1 ? 0xff : (next() < 96 ? 0xff : next()) }
            bytes.withUnsafeBytes { raw in
                let base = raw.baseAddress!
                for length in 0..<2_200 {
                    #expect(ds_fletcher32(base, length) == H5_checksum_fletcher32(base, length))
                }
                for (offset, length) in [(1, 199_999), (3, 131_071), (0, 200_000), (7, 65_536)] {
                    #expect(ds_fletcher32(base + offset, length) == H5_checksum_fletcher32(base + offset, length))
                }
            }
        }
    }
}
