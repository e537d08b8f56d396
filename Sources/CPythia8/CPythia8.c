/* The CPythia8 module is only the declarations of DarkSector's Pythia 8 C interface
 * (include/darksector_pythia8.h): the struct layout and function signatures Swift needs.
 * The functions themselves live in libdarksector_pythia8.so, built by `make deps`
 * (External/Pythia8/Makefile) and opened with dlopen by Pythia8Bridge, so this target
 * compiles and links without Pythia. Nothing to define here. */
#include "darksector_pythia8.h"
