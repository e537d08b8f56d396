#include "CHDF5.h"

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
