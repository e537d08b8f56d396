/// Measured resolutions on the generated grid (see `DarkHiggsResolution`): rows M_A' =
/// 1.7 ... 10.2 GeV, columns v = M_h'/h_max = 0, 0.25, 0.5, 0.75, 0.95. Made by
/// `DARKSECTOR_MEASURE_RESOLUTION=1 swift test --filter DarkHiggsResolutionTests/measureTable`
/// (3000 events per point, seed 1, Conditions/mc.yaml, 2026-11-23). The recoil-mass width
/// at M_h' = 0 (~1 GeV) is the sqrt of a Gaussian M2_rec peak at zero; the strong negative
/// correlation is the constraint M2_rec = s - 2 sqrt(s) E_mumu + M_mumu^2.
enum DarkHiggsResolutionTable {
    typealias E = DarkHiggsResolution.Entry
    static let entries: [[E]] = [
        [E(sigmaMuMu: 0.0051, sigmaRecoil: 0.9877, correlation: -0.36), E(sigmaMuMu: 0.0055, sigmaRecoil: 0.9204, correlation: -0.36), E(sigmaMuMu: 0.0051, sigmaRecoil: 0.2712, correlation: -0.56), E(sigmaMuMu: 0.0054, sigmaRecoil: 0.1827, correlation: -0.59), E(sigmaMuMu: 0.0052, sigmaRecoil: 0.1382, correlation: -0.56)],
        [E(sigmaMuMu: 0.0070, sigmaRecoil: 1.0156, correlation: -0.33), E(sigmaMuMu: 0.0069, sigmaRecoil: 0.4116, correlation: -0.51), E(sigmaMuMu: 0.0069, sigmaRecoil: 0.1911, correlation: -0.60), E(sigmaMuMu: 0.0070, sigmaRecoil: 0.1252, correlation: -0.58), E(sigmaMuMu: 0.0071, sigmaRecoil: 0.0907, correlation: -0.66)],
        [E(sigmaMuMu: 0.0099, sigmaRecoil: 1.0437, correlation: -0.35), E(sigmaMuMu: 0.0094, sigmaRecoil: 0.2569, correlation: -0.61), E(sigmaMuMu: 0.0093, sigmaRecoil: 0.1256, correlation: -0.63), E(sigmaMuMu: 0.0096, sigmaRecoil: 0.0767, correlation: -0.66), E(sigmaMuMu: 0.0090, sigmaRecoil: 0.0551, correlation: -0.68)],
        [E(sigmaMuMu: 0.0130, sigmaRecoil: 1.0125, correlation: -0.26), E(sigmaMuMu: 0.0126, sigmaRecoil: 0.2032, correlation: -0.54), E(sigmaMuMu: 0.0121, sigmaRecoil: 0.0800, correlation: -0.67), E(sigmaMuMu: 0.0117, sigmaRecoil: 0.0547, correlation: -0.63), E(sigmaMuMu: 0.0118, sigmaRecoil: 0.0317, correlation: -0.68)],
        [E(sigmaMuMu: 0.0157, sigmaRecoil: 1.0472, correlation: -0.16), E(sigmaMuMu: 0.0161, sigmaRecoil: 0.1663, correlation: -0.61), E(sigmaMuMu: 0.0158, sigmaRecoil: 0.0737, correlation: -0.62), E(sigmaMuMu: 0.0145, sigmaRecoil: 0.0323, correlation: -0.71), E(sigmaMuMu: 0.0141, sigmaRecoil: 0.0200, correlation: -0.79)],
        [E(sigmaMuMu: 0.0156, sigmaRecoil: 0.9154, correlation: -0.33), E(sigmaMuMu: 0.0202, sigmaRecoil: 0.1814, correlation: -0.60), E(sigmaMuMu: 0.0194, sigmaRecoil: 0.0794, correlation: -0.64), E(sigmaMuMu: 0.0195, sigmaRecoil: 0.0439, correlation: -0.73), E(sigmaMuMu: 0.0183, sigmaRecoil: 0.0272, correlation: -0.77)],
        [E(sigmaMuMu: 0.0253, sigmaRecoil: 0.8338, correlation: -0.31), E(sigmaMuMu: 0.0239, sigmaRecoil: 0.1938, correlation: -0.56), E(sigmaMuMu: 0.0233, sigmaRecoil: 0.0867, correlation: -0.65), E(sigmaMuMu: 0.0228, sigmaRecoil: 0.0457, correlation: -0.71), E(sigmaMuMu: 0.0228, sigmaRecoil: 0.0283, correlation: -0.80)],
        [E(sigmaMuMu: 0.0200, sigmaRecoil: 0.6289, correlation: -0.41), E(sigmaMuMu: 0.0282, sigmaRecoil: 0.2115, correlation: -0.47), E(sigmaMuMu: 0.0296, sigmaRecoil: 0.0949, correlation: -0.67), E(sigmaMuMu: 0.0306, sigmaRecoil: 0.0589, correlation: -0.65), E(sigmaMuMu: 0.0290, sigmaRecoil: 0.0346, correlation: -0.83)],
        [E(sigmaMuMu: 0.0366, sigmaRecoil: 0.3054, correlation: -0.57), E(sigmaMuMu: 0.0359, sigmaRecoil: 0.2424, correlation: -0.55), E(sigmaMuMu: 0.0339, sigmaRecoil: 0.1164, correlation: -0.61), E(sigmaMuMu: 0.0333, sigmaRecoil: 0.0631, correlation: -0.70), E(sigmaMuMu: 0.0324, sigmaRecoil: 0.0398, correlation: -0.88)],
        [E(sigmaMuMu: 0.0313, sigmaRecoil: 0.1698, correlation: -0.69), E(sigmaMuMu: 0.0377, sigmaRecoil: 0.1291, correlation: -0.71), E(sigmaMuMu: 0.0384, sigmaRecoil: 0.0918, correlation: -0.69), E(sigmaMuMu: 0.0411, sigmaRecoil: 0.0718, correlation: -0.83), E(sigmaMuMu: 0.0384, sigmaRecoil: 0.0499, correlation: -0.90)],
    ]
}
