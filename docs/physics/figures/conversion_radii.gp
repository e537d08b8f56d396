# Transverse radius of fitted e+ e- conversion vertices (issue #19), from
# conversion_radii.csv, which the test
#   DARKSECTOR_WRITE_FIGURES=docs/physics/figures swift test --skip-build \
#     --filter DecaysInFlightTests/testConversionVerticesAtTheMaterialRadii
# writes (2e5 photons of 1 GeV from the origin, |cos theta| < 0.5, MC conditions, conversions on;
# columns: fitted transverse radius and its error from the vertex covariance).
# Make the figure from the repository root:  gnuplot docs/physics/figures/conversion_radii.gp
set terminal pngcairo size 900,520 font ",11"
set output "docs/physics/figures/conversion_radii.png"
set datafile separator ","
set key top right
set xlabel "fitted conversion vertex radius r (cm)"
set ylabel "vertices / 0.1 cm"
set xrange [0:16]
set logscale y
set yrange [0.8:*]
binwidth = 0.1
bin(x) = binwidth * floor(x / binwidth) + binwidth / 2
set arrow from 1.0, graph 0 to 1.0, graph 1 nohead dt 2 lc rgb "gray50"
set arrow from 1.4, graph 0 to 1.4, graph 1 nohead dt 2 lc rgb "gray50"
set arrow from 2.2, graph 0 to 2.2, graph 1 nohead dt 2 lc rgb "gray50"
set arrow from 3.9, graph 0 to 3.9, graph 1 nohead dt 2 lc rgb "gray50"
set arrow from 8.0, graph 0 to 8.0, graph 1 nohead dt 2 lc rgb "gray50"
set arrow from 10.4, graph 0 to 10.4, graph 1 nohead dt 2 lc rgb "gray50"
set arrow from 13.5, graph 0 to 13.5, graph 1 nohead dt 2 lc rgb "gray50"
set title "Photon conversions: beam pipe 1.0, PXD 1.4/2.2, SVD 3.9/8.0/10.4/13.5 cm (dashed)"
plot "docs/physics/figures/conversion_radii.csv" every ::1 using (bin($1)):(1.0) smooth frequency with steps lw 2 title "fitted e+ e- vertices (chi2 < 20)"
