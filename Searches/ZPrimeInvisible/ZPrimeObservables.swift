import DimuonRecoil

/// The invisible-Z' search's observables are the shared dimuon + recoil ones.
public typealias ZPrimeObservables = DimuonRecoilObservables
