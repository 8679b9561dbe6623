// CRC-32 (IEEE 802.3, the polynomial of zlib's crc32(), gzip and PNG): the checksum of every
// piece, kept as bytes arrive and stored in the control file. It sits on the writer's path
// for every byte downloaded, so on x86-64 with carry-less multiplication (PCLMULQDQ, every
// such CPU since 2010) it folds 64 bytes at a time, several times faster than zlib 1.2's
// table-driven loop; elsewhere, and for the last few bytes, it is zlib's. The values are
// zlib's, bit for bit (tst_crc32 checks it), so control files stay compatible.
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace bytehaul {

// Continues `crc` (0 to start) over `data`, as zlib's crc32(crc, data, size) does.
quint32 crc32Update(quint32 crc, QByteArrayView data);

// Whether the carry-less-multiplication path is in use on this CPU.
bool crc32IsAccelerated();

} // namespace bytehaul
