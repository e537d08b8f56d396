# Makes the image the HEPData example attaches (expected_limit.png): a made-up expected-limit
# band, drawn only so that the writer has a real PNG to copy and shrink to a thumbnail.
# Rerun in this folder with: gnuplot make_inputs.gp
set terminal pngcairo size 640,480 enhanced font "Helvetica,14" background rgb "white"
set output "expected_limit.png"
set logscale y
set xlabel "M_{Z'} [GeV]"
set ylabel "g'"
set title "Expected 90% CL upper limit (example)"
set key top left
f(x) = 2.1e-4*(1+x/8)**2
set xrange [0.5:8]
plot "+" using 1:(f($1)*0.52):(f($1)*2.1) with filledcurves lc rgb "#f5e100" title "±2{/Symbol s}", \
     "+" using 1:(f($1)*0.7):(f($1)*1.45) with filledcurves lc rgb "#00c000" title "±1{/Symbol s}", \
     f(x) with lines lw 2 dt 2 lc rgb "black" title "expected"
unset output
