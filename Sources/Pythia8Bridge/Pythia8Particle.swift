/// One entry of Pythia's event record, in Pythia's units (GeV; vertex in mm and mm/c).
///
/// Indices (`mother1`, `daughter1`, ...) are positions in the same record; entry 0 is
/// Pythia's system line (id 90). `status > 0` marks the final state.
public struct Pythia8Particle: Sendable, Equatable {
    public var id: Int32
    public var status: Int32
    public var mother1: Int32, mother2: Int32
    public var daughter1: Int32, daughter2: Int32
    public var px: Double, py: Double, pz: Double, e: Double, m: Double
    /// Production vertex (Pythia's vProd): position in mm, time in mm/c.
    public var xMm: Double, yMm: Double, zMm: Double, tMmOverC: Double
    /// Proper lifetime Pythia assigned to this particle, mm/c.
    public var tauMmOverC: Double

    public init(id: Int32, status: Int32, mother1: Int32 = 0, mother2: Int32 = 0, daughter1: Int32 = 0,
                daughter2: Int32 = 0, px: Double, py: Double, pz: Double, e: Double, m: Double,
                xMm: Double = 0, yMm: Double = 0, zMm: Double = 0, tMmOverC: Double = 0, tauMmOverC: Double = 0) {
        self.id = id; self.status = status
        self.mother1 = mother1; self.mother2 = mother2
        self.daughter1 = daughter1; self.daughter2 = daughter2
        self.px = px; self.py = py; self.pz = pz; self.e = e; self.m = m
        self.xMm = xMm; self.yMm = yMm; self.zMm = zMm; self.tMmOverC = tMmOverC
        self.tauMmOverC = tauMmOverC
    }

    public var isFinal: Bool { status > 0 }
    /// |p| in GeV.
    public var momentum: Double { (px * px + py * py + pz * pz).squareRoot() }
}
