import Foundation

/// Dimuon-mass and recoil-mass resolutions of the signal, and their correlation, on the
/// generated grid of `DarkHiggsSignalGrid`, interpolated bilinearly in between.
///
/// sigma_mumu and sigma_rec are core widths (`CoreResolution`: half the central 68%
/// interval of the residual) and rho the correlation of the two residuals inside 3 core
/// sigma, all after the preselection, on signal MC with the MC conditions. A table in
/// code, not a run-time measurement, so that the windows (and the blinded region and the
/// configuration hash) do not depend on a simulation run; `DarkHiggsResolutionTests`
/// re-measures it and fails when it drifts.
public struct DarkHiggsResolution: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var sigmaMuMu: Double
        public var sigmaRecoil: Double
        public var correlation: Double
        public init(sigmaMuMu: Double, sigmaRecoil: Double, correlation: Double) {
            self.sigmaMuMu = sigmaMuMu; self.sigmaRecoil = sigmaRecoil; self.correlation = correlation
        }
    }
    /// entries[i][j] at `DarkHiggsSignalGrid.point(i, j)`.
    public var entries: [[Entry]]

    public init(entries: [[Entry]]) {
        precondition(entries.count == DarkHiggsSignalGrid.darkPhotonMasses.count
                     && entries.allSatisfy { $0.count == DarkHiggsSignalGrid.higgsFractions.count },
                     "resolution table must cover the generated grid")
        self.entries = entries
    }

    public func at(mA: Double, mh: Double) -> Entry {
        var e = Entry(sigmaMuMu: 0, sigmaRecoil: 0, correlation: 0)
        for (i, j, w) in DarkHiggsSignalGrid.interpolation(mA: mA, mh: mh) {
            e.sigmaMuMu += w * entries[i][j].sigmaMuMu
            e.sigmaRecoil += w * entries[i][j].sigmaRecoil
            e.correlation += w * entries[i][j].correlation
        }
        return e
    }

    /// Ellipse of `k` standard deviations of the 2D Gaussian with these widths and
    /// correlation: semi-axes k sqrt(eigenvalues) of the covariance, angle of the first
    /// eigenvector (radians from the M_mumu axis).
    public static func ellipse(_ e: Entry, sigmas k: Double) -> (semiAxisX: Double, semiAxisY: Double, angle: Double) {
        let sxx = e.sigmaMuMu * e.sigmaMuMu, syy = e.sigmaRecoil * e.sigmaRecoil
        let sxy = e.correlation * e.sigmaMuMu * e.sigmaRecoil
        let mean = (sxx + syy) / 2, d = (((sxx - syy) / 2) * ((sxx - syy) / 2) + sxy * sxy).squareRoot()
        let angle = 0.5 * atan2(2 * sxy, sxx - syy)
        // Eigenvalue along `angle`: mean + d when sxx >= syy rotated back, else mean - d.
        let c = cos(angle), s = sin(angle)
        let alongX = c * c * sxx + 2 * s * c * sxy + s * s * syy
        let lambda1 = abs(alongX - (mean + d)) < abs(alongX - (mean - d)) ? mean + d : mean - d
        let lambda2 = 2 * mean - lambda1
        return (k * max(lambda1, 0).squareRoot(), k * max(lambda2, 0).squareRoot(), angle)
    }

    /// The measured table (`DarkHiggsResolutionTable`).
    public static let standard = DarkHiggsResolution(entries: DarkHiggsResolutionTable.entries)
}
