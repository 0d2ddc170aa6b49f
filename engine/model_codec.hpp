// A compact, versioned binary encoding of the validated convention model, so that a store
// can keep each convention and check it again without parsing its YAML.
//
// A blob, every integer a LEB128 varint (signed ones zigzag-encoded first):
//   "ACMB"                   4 bytes of magic
//   version                  varint, model_blob_version
//   body length              varint, the bytes of the body
//   body                     every field of the Convention, in model.hpp's declaration order:
//                            integers (int, Date, Money, Share) as zigzag varints, a bool as
//                            one byte 0|1, a string as its length + bytes, an optional as one
//                            presence byte 0|1 + the value, a vector as its count + the items,
//                            a struct as its fields
//   checksum                 8 bytes, little-endian: model_blob_checksum of every byte before
// The encoding is canonical (no overlong varint, no byte beyond the 0|1 of bools and
// presence bytes), so that a blob decodes only to a convention that encodes to it again.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/model.hpp"

namespace activ {

/// The version written in every blob; bump it when the model changes (old blobs then fail to
/// decode, and the store re-imports from the original text).
inline constexpr uint32_t model_blob_version = 1;

/// Every field of `convention`, derived indices and source positions included, so that
/// decode_convention(encode_convention(c)) == c field for field.
std::string encode_convention(const Convention& convention);

/// The convention back; nullopt with `error` set ("truncated", "unknown version 7",
/// "bad count at byte 1234", "checksum mismatch"...) when the blob is not one
/// encode_convention wrote. A corrupted blob never crashes, never reads out of bounds and
/// never allocates more than a few dozen times its own size (every count is
/// checked against the bytes left). A decoded convention's
/// indices are in range (action indices into `actions`, each step's position and count
/// those of its trajectory), as in every convention load_convention returns: a blob whose
/// indices are not is refused, so that evaluation can trust them.
std::optional<Convention> decode_convention(std::string_view blob, std::string& error);

/// The 64-bit checksum that ends a blob (a fast non-cryptographic hash: it detects
/// corruption, not forgery). Public for tests and tools that build blobs by hand.
uint64_t model_blob_checksum(std::string_view bytes);

}  // namespace activ
