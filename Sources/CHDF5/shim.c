#include "CHDF5.h"
#include <string.h>
#include <zlib.h>
#include <libdeflate.h>

/* libdeflate (de)compresses the zlib format two to three times faster than zlib itself;
   one (de)compressor per thread, created on first use. */
static _Thread_local struct libdeflate_decompressor *ds_decompressor = NULL;
static _Thread_local struct libdeflate_compressor *ds_compressor = NULL;
static _Thread_local int ds_compressor_level = -1;

/* Exported by libhdf5 (H5checksum.c) but declared only in its private headers. */
uint32_t H5_checksum_fletcher32(const void *data, size_t len);

hid_t ds_h5t_native_double(void) { return H5T_NATIVE_DOUBLE; }
hid_t ds_h5t_native_float(void) { return H5T_NATIVE_FLOAT; }
hid_t ds_h5t_native_int8(void) { return H5T_NATIVE_INT8; }
hid_t ds_h5t_native_int32(void) { return H5T_NATIVE_INT32; }
hid_t ds_h5t_native_int64(void) { return H5T_NATIVE_INT64; }
hid_t ds_h5t_native_uint8(void) { return H5T_NATIVE_UINT8; }
hid_t ds_h5t_native_uint32(void) { return H5T_NATIVE_UINT32; }
hid_t ds_h5t_native_uint64(void) { return H5T_NATIVE_UINT64; }
hid_t ds_h5t_c_s1(void) { return H5T_C_S1; }
hid_t ds_h5p_default(void) { return H5P_DEFAULT; }
hid_t ds_h5p_dataset_create(void) { return H5P_DATASET_CREATE; }
hid_t ds_h5p_file_create(void) { return H5P_FILE_CREATE; }
hid_t ds_h5p_group_create(void) { return H5P_GROUP_CREATE; }
hid_t ds_h5p_file_access(void) { return H5P_FILE_ACCESS; }
hid_t ds_h5p_link_create(void) { return H5P_LINK_CREATE; }
hid_t ds_h5s_all(void) { return H5S_ALL; }
hsize_t ds_h5s_unlimited(void) { return H5S_UNLIMITED; }
unsigned ds_h5f_acc_trunc(void) { return H5F_ACC_TRUNC; }
unsigned ds_h5f_acc_rdonly(void) { return H5F_ACC_RDONLY; }
unsigned ds_h5f_acc_excl(void) { return H5F_ACC_EXCL; }
void ds_h5_silence_errors(void) { H5Eset_auto2(H5E_DEFAULT, NULL, NULL); }

static void ds_unshuffle(const unsigned char *src, unsigned char *dst, size_t bytes, size_t element_size) {
    size_t n = bytes / element_size;
    for (size_t j = 0; j < element_size; j++) {
        const unsigned char *s = src + j * n;
        unsigned char *d = dst + j;
        for (size_t i = 0; i < n; i++) d[i * element_size] = s[i];
    }
    size_t tail = bytes - n * element_size;
    if (tail) memcpy(dst + n * element_size, src + n * element_size, tail);
}

int ds_decode_chunk(const unsigned char *src, size_t src_bytes,
                    int shuffled, int deflated, int fletcher32,
                    size_t element_size, size_t chunk_bytes,
                    unsigned char *scratch, unsigned char *dst) {
    size_t payload = src_bytes;
    if (fletcher32) {
        if (src_bytes < 4) return -3;
        payload = src_bytes - 4;
        const unsigned char *p = src + payload;
        uint32_t stored = (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
        uint32_t computed = H5_checksum_fletcher32(src, payload);
        /* HDF5 also accepts the checksum as computed on big-endian machines (bytes swapped
           within each 16-bit half), see H5Zfletcher32.c. */
        uint32_t swapped = ((computed & 0x00ff00ffu) << 8) | ((computed & 0xff00ff00u) >> 8);
        if (stored != computed && stored != swapped) return -1;
    }
    if (deflated) {
        unsigned char *out = shuffled ? scratch : dst;
        if (!ds_decompressor) ds_decompressor = libdeflate_alloc_decompressor();
        if (!ds_decompressor) return -2;
        size_t out_bytes = 0;
        if (libdeflate_zlib_decompress(ds_decompressor, src, payload, out, chunk_bytes, &out_bytes) != LIBDEFLATE_SUCCESS)
            return -2;
        if (out_bytes != chunk_bytes) return -3;
        if (shuffled) ds_unshuffle(scratch, dst, chunk_bytes, element_size);
        return 0;
    }
    if (payload != chunk_bytes) return -3;
    if (shuffled) ds_unshuffle(src, dst, chunk_bytes, element_size);
    else memcpy(dst, src, chunk_bytes);
    return 0;
}

static void ds_shuffle(const unsigned char *src, unsigned char *dst, size_t bytes, size_t element_size) {
    size_t n = bytes / element_size;
    for (size_t j = 0; j < element_size; j++) {
        const unsigned char *s = src + j;
        unsigned char *d = dst + j * n;
        for (size_t i = 0; i < n; i++) d[i] = s[i * element_size];
    }
    size_t tail = bytes - n * element_size;
    if (tail) memcpy(dst + n * element_size, src + n * element_size, tail);
}

size_t ds_encoded_bound(size_t chunk_bytes) {
    /* Generous: covers zlib's and libdeflate's worst cases (stored blocks plus headers),
       which for tiny chunks exceed compressBound. */
    return chunk_bytes + chunk_bytes / 8 + 1024 + 4;
}

size_t ds_encode_chunk(const unsigned char *src, size_t chunk_bytes, size_t element_size,
                       int shuffled, int deflate_level, int fletcher32,
                       unsigned char *scratch, unsigned char *dst, size_t dst_capacity) {
    const unsigned char *data = src;
    if (shuffled && element_size > 1) {
        ds_shuffle(src, scratch, chunk_bytes, element_size);
        data = scratch;
    }
    size_t size;
    if (deflate_level > 0) {
        if (!ds_compressor || ds_compressor_level != deflate_level) {
            if (ds_compressor) libdeflate_free_compressor(ds_compressor);
            ds_compressor = libdeflate_alloc_compressor(deflate_level);
            ds_compressor_level = deflate_level;
        }
        if (!ds_compressor) return 0;
        size = libdeflate_zlib_compress(ds_compressor, data, chunk_bytes, dst, dst_capacity - 4);
        if (size == 0) return 0;
    } else {
        if (chunk_bytes + 4 > dst_capacity) return 0;
        memcpy(dst, data, chunk_bytes);
        size = chunk_bytes;
    }
    if (fletcher32) {
        uint32_t sum = H5_checksum_fletcher32(dst, size);
        dst[size] = (unsigned char)(sum & 0xff);
        dst[size + 1] = (unsigned char)((sum >> 8) & 0xff);
        dst[size + 2] = (unsigned char)((sum >> 16) & 0xff);
        dst[size + 3] = (unsigned char)((sum >> 24) & 0xff);
        size += 4;
    }
    return size;
}
