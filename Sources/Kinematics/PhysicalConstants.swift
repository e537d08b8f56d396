/// Constants and particle masses used throughout DarkSector, in GeV unless named otherwise.
///
/// Sources: Particle Data Group, R.L. Workman et al., PTEP 2022, 083C01 and the 2024
/// update (S. Navas et al., PRD 110 (2024) 030001); CODATA 2018 for alpha and (hbar c)^2.
public enum PhysicalConstants {
    /// Fine-structure constant at q^2 = 0 (CODATA 2018).
    public static let alpha = 1.0 / 137.035999084
    /// (hbar c)^2 in GeV^2 fb: converts a cross section in GeV^-2 to fb (0.3893793721 GeV^2 mb).
    public static let hbarC2GeV2Fb = 0.3893793721e12
    /// Fermi constant in GeV^-2 (PDG).
    public static let fermiConstant = 1.1663788e-5
    /// Z mass and width in GeV (PDG).
    public static let zMass = 91.1876
    public static let zWidth = 2.4952
    /// Effective weak mixing angle sin^2 theta_W (MS-bar at M_Z, PDG 2022: 0.23121).
    public static let sin2ThetaW = 0.23121
    /// Higgs vacuum expectation value in GeV, (sqrt(2) G_F)^(-1/2).
    public static let higgsVEV = 246.22
}

/// PDG masses in GeV.
public enum ParticleMass {
    public static let electron = 0.000_510_998_950
    public static let muon = 0.105_658_3755
    /// PDG 2024 average, 1776.93 +- 0.09 MeV.
    public static let tau = 1.776_93
    public static let chargedPion = 0.139_570_39
    public static let neutralPion = 0.134_976_8
    public static let chargedKaon = 0.493_677
    public static let neutralKaon = 0.497_611
    public static let eta = 0.547_862
    public static let rho = 0.775_26
    public static let a1 = 1.230
    public static let chargedB = 5.279_34
    public static let neutralB = 5.279_66
}

/// PDG Monte Carlo particle numbering, for the generator truth record.
public enum PDGID {
    public static let electron: Int32 = 11
    public static let electronNeutrino: Int32 = 12
    public static let muon: Int32 = 13
    public static let muonNeutrino: Int32 = 14
    public static let tau: Int32 = 15
    public static let tauNeutrino: Int32 = 16
    public static let photon: Int32 = 22
    public static let neutralPion: Int32 = 111
    public static let chargedPion: Int32 = 211
    public static let chargedKaon: Int32 = 321
    public static let neutralKaonShort: Int32 = 310
    public static let chargedB: Int32 = 521
    /// Not in the PDG scheme: DarkSector's code for an invisible new particle (Z', h', chi).
    public static let invisible: Int32 = 9_000_001
}
