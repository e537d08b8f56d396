// HDF5 for Swift. Debian's serial build puts the headers under /usr/include/hdf5/serial
// (pkg-config `hdf5` adds that path). HDF5 exposes its native types and default property
// lists as macros that expand to runtime globals (H5T_NATIVE_DOUBLE is H5OPEN H5T_NATIVE_DOUBLE_g),
// which Swift cannot import, so this shim turns each one we use into a function.
#ifndef DARKSECTOR_CHDF5_H
#define DARKSECTOR_CHDF5_H
#include <hdf5.h>

hid_t ds_h5t_native_double(void);
hid_t ds_h5t_native_float(void);
hid_t ds_h5t_native_int8(void);
hid_t ds_h5t_native_int32(void);
hid_t ds_h5t_native_int64(void);
hid_t ds_h5t_native_uint8(void);
hid_t ds_h5t_native_uint32(void);
hid_t ds_h5t_native_uint64(void);
hid_t ds_h5t_c_s1(void);
hid_t ds_h5p_default(void);
hid_t ds_h5p_dataset_create(void);
hid_t ds_h5p_file_create(void);
hid_t ds_h5p_group_create(void);
hid_t ds_h5p_file_access(void);
hid_t ds_h5p_link_create(void);
hid_t ds_h5s_all(void);
hsize_t ds_h5s_unlimited(void);
unsigned ds_h5f_acc_trunc(void);
unsigned ds_h5f_acc_rdonly(void);
unsigned ds_h5f_acc_excl(void);

/// Silences HDF5's automatic error-stack printing; DarkSector reports its own errors.
void ds_h5_silence_errors(void);

/// Decodes one raw chunk as read by H5Dread_chunk, undoing the event store's filter
/// pipeline (shuffle, deflate, Fletcher-32, each optional, in that order), so that
/// chunks can be decoded on several threads outside the (serial) HDF5 library.
/// Returns 0 on success, -1 on a checksum mismatch, -2 if inflate fails, -3 on a size
/// mismatch. `scratch` needs `chunk_bytes` bytes when both shuffle and deflate are set.
int ds_decode_chunk(const unsigned char *src, size_t src_bytes,
                    int shuffled, int deflated, int fletcher32,
                    size_t element_size, size_t chunk_bytes,
                    unsigned char *scratch, unsigned char *dst);

/// Encodes one chunk the way HDF5's shuffle, deflate and Fletcher-32 filters would (each
/// optional, in that order), so that chunks can be compressed on several threads and handed
/// to H5Dwrite_chunk. `dst` needs `ds_encoded_bound(chunk_bytes)` bytes, `scratch`
/// `chunk_bytes`. Returns the encoded size, or 0 on failure.
size_t ds_encoded_bound(size_t chunk_bytes);
size_t ds_encode_chunk(const unsigned char *src, size_t chunk_bytes, size_t element_size,
                       int shuffled, int deflate_level, int fletcher32,
                       unsigned char *scratch, unsigned char *dst, size_t dst_capacity);

/// HDF5's Fletcher-32 checksum (the filter's), computed eight words at a time; identical to
/// libhdf5's `H5_checksum_fletcher32`, which is declared here for the tests that check so.
uint32_t ds_fletcher32(const void *data, size_t len);
uint32_t H5_checksum_fletcher32(const void *data, size_t len);

/// zlib's own `uncompress` (what HDF5's deflate filter runs), for tests that decode the
/// encoder's streams with a decoder other than libdeflate. Returns zlib's status; `*dst_len`
/// holds the capacity on entry and the decoded size on return.
int ds_zlib_uncompress(unsigned char *dst, size_t *dst_len, const unsigned char *src, size_t src_len);
/// Fault guard around HDF5 calls (see shim.c): install once; enter with the file's path
/// before an HDF5 call, leave after it.
void ds_hdf5_guard_install(void);
void ds_hdf5_guard_enter(const char *path);
void ds_hdf5_guard_leave(void);
#endif
