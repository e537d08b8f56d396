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

    /// Chunks with constant byte planes (constant columns, small integers) round-trip through
    /// the planar encoder and HDF5's decoder path.
    @Test func constantPlanesRoundTrip() {
        let rows = 65_536
        // Largest encoded size, as a fraction of the chunk, from what each plane costs: a
        // constant plane about 420 bytes of 64 KiB; a plane of runs of 768 a few hundred
        // bytes; the low byte of i/3 is stored (1); a plane of two values at 6:1 has, with
        // the end-of-block symbol, code lengths 1 and 2: 8/7 bits a byte, 0.143 of it.
        let columns: [([Int64], Double)] = [
            (Array(repeating: 0, count: rows), 0.01),
            (Array(repeating: Int64(bitPattern: 0x3FF0_0000_0000_0000), count: rows), 0.01),  // 1.0
            ((0..<rows).map { Int64($0 / 3) }, 1.0 / 7),     // stored, runs, then six constant planes
            ((0..<rows).map { $0 % 7 == 0 ? -1 : 5 }, 0.15),      // eight two-valued planes
        ]
        for (values, fraction) in columns {
            let bytes = rows * 8
            let capacity = ds_encoded_bound(bytes)
            var out = [UInt8](repeating: 0, count: capacity)
            var scratch = [UInt8](repeating: 0, count: bytes)
            var back = [Int64](repeating: 7, count: rows)
            let size = values.withUnsafeBytes { src in
                ds_encode_chunk(src.baseAddress!.assumingMemoryBound(to: UInt8.self), bytes, 8, 1, 1, 1, &scratch, &out, capacity)
            }
            #expect(size > 0 && Double(size) < fraction * Double(bytes), "\(size) bytes")
            let rc = back.withUnsafeMutableBytes { dst in
                ds_decode_chunk(out, size, 1, 1, 1, 8, bytes, &scratch, dst.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            #expect(rc == 0)
            #expect(back == values)
        }
    }

    /// Every kind of plane the level-1 coder writes (constant, run-length with runs of every
    /// length around the 258 limit, Huffman-only, stored) decodes with zlib's own inflate
    /// (the decoder HDF5's filter runs) to the shuffled chunk, and with `ds_decode_chunk`
    /// to the original values.
    @Test func planarCoderStreamsDecodeWithZlib() {
        var state: UInt64 = 0x0DDB_1A5E_5BAD_5EED
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let rows = 65_536
        var runs: [UInt8] = []
        for length in [1, 2, 3, 4, 257, 258, 259, 260, 261, 262, 515, 516, 517, 518, 1000] {
            runs += [UInt8](repeating: UInt8(truncatingIfNeeded: length), count: length)
        }
        while runs.count < rows { runs.append(UInt8(truncatingIfNeeded: next())) }
        let cases: [(String, Int, [UInt8])] = [
            ("offsets", 8, (0..<rows).flatMap { withUnsafeBytes(of: Int64($0 * 5 / 2 + 1_000_000).littleEndian, Array.init) }),
            ("event ids", 8, (0..<rows).flatMap { withUnsafeBytes(of: Int64(7_000_000 + $0).littleEndian, Array.init) }),
            ("random floats", 4, (0..<rows).flatMap { _ in withUnsafeBytes(of: Float(Double(next()) / 1e9 - 2).bitPattern.littleEndian, Array.init) }),
            ("pdg codes", 4, (0..<rows).flatMap { i in withUnsafeBytes(of: Int32([13, -13, 22, 22, 13][Int(next() % 5)]).littleEndian, Array.init) }),
            ("sparse flags", 1, (0..<rows).map { _ in next() % 23 == 0 ? 1 : 0 }),
            ("runs around 258", 1, Array(runs.prefix(rows))),
            ("random bytes", 1, (0..<rows).map { _ in UInt8(truncatingIfNeeded: next()) }),
            ("zero padded", 4, (0..<rows).flatMap { i in withUnsafeBytes(of: (i < 50_000 ? UInt32(truncatingIfNeeded: next()) : 0).littleEndian, Array.init) }),
        ]
        for (name, width, bytes) in cases {
            let count = bytes.count
            let capacity = ds_encoded_bound(count)
            var out = [UInt8](repeating: 0, count: capacity)
            var scratch = [UInt8](repeating: 0, count: count)
            let size = ds_encode_chunk(bytes, count, width, width > 1 ? 1 : 0, 1, 1, &scratch, &out, capacity)
            #expect(size > 0, "\(name): encoded")
            // zlib: the stream (without the 4 checksum bytes) inflates to the shuffled chunk.
            var inflated = [UInt8](repeating: 0, count: count)
            var inflatedSize = count
            let rc = ds_zlib_uncompress(&inflated, &inflatedSize, out, size - 4)
            #expect(rc == 0 && inflatedSize == count, "\(name): zlib status \(rc), \(inflatedSize) bytes")
            let rowsHere = count / width
            var shuffled = [UInt8](repeating: 0, count: count)
            for i in 0..<rowsHere { for j in 0..<width { shuffled[j * rowsHere + i] = bytes[i * width + j] } }
            #expect(inflated == shuffled, "\(name): zlib's bytes")
            var back = [UInt8](repeating: 0, count: count)
            let decoded = ds_decode_chunk(out, size, width > 1 ? 1 : 0, 1, 1, width, count, &scratch, &back)
            #expect(decoded == 0 && back == bytes, "\(name): round trip")
        }
    }
}
