// Debian's serial HDF5 (libhdf5-dev): headers in /usr/include/hdf5/serial, found via pkg-config `hdf5`.
#include <hdf5.h>
