#include "xlsx_reader.hpp"

#include <expat.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <optional>

namespace citysafe::xlsx {
namespace {

constexpr std::size_t kMaxPart = std::size_t{64} * 1024 * 1024;

std::uint32_t le32(std::string_view b, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

std::uint16_t le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    (static_cast<unsigned char>(b[at + 1]) << 8));
}

struct Entry {
  std::uint16_t flags = 0;
  std::uint16_t method = 0;
  std::uint32_t compressed = 0;
  std::uint32_t size = 0;
  std::uint32_t local_offset = 0;
};

Result<std::map<std::string, Entry>> centralDirectory(std::string_view zip) {
  if (zip.size() < 22) return invalid("file", "is not an .xlsx workbook (too short for a ZIP)");
  std::size_t eocd = std::string_view::npos;
  const std::size_t lowest = zip.size() > 65557 ? zip.size() - 65557 : 0;
  for (std::size_t i = zip.size() - 22 + 1; i-- > lowest;) {
    if (le32(zip, i) == 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd == std::string_view::npos)
    return invalid("file", "is not an .xlsx workbook (no ZIP directory)");
  const std::uint16_t count = le16(zip, eocd + 10);
  std::size_t at = le32(zip, eocd + 16);
  if (count == 0xFFFF || at == 0xFFFFFFFF)
    return invalid("file", "ZIP64 workbooks are not supported");
  std::map<std::string, Entry> entries;
  for (std::uint16_t n = 0; n < count; ++n) {
    if (at + 46 > zip.size() || le32(zip, at) != 0x02014b50) {
      return invalid("file", "has a damaged ZIP directory");
    }
    Entry e{le16(zip, at + 8), le16(zip, at + 10), le32(zip, at + 20), le32(zip, at + 24),
            le32(zip, at + 42)};
    const std::uint16_t name_len = le16(zip, at + 28);
    const std::uint16_t extra_len = le16(zip, at + 30);
    const std::uint16_t comment_len = le16(zip, at + 32);
    if (at + 46 + name_len > zip.size()) return invalid("file", "has a damaged ZIP directory");
    entries[std::string(zip.substr(at + 46, name_len))] = e;
    at += 46 + name_len + extra_len + comment_len;
  }
  return entries;
}

Result<std::string> extract(std::string_view zip, const Entry& e, const std::string& name) {
  if (e.flags & 1U) return invalid("file", "is encrypted");
  if (e.size > kMaxPart) return invalid("file", name + " is larger than 64 MB uncompressed");
  const std::size_t at = e.local_offset;
  if (at + 30 > zip.size() || le32(zip, at) != 0x04034b50) {
    return invalid("file", "has a damaged ZIP entry " + name);
  }
  const std::size_t data = at + 30 + le16(zip, at + 26) + le16(zip, at + 28);
  if (data + e.compressed > zip.size()) return invalid("file", "is truncated in " + name);
  const auto packed = zip.substr(data, e.compressed);
  if (e.method == 0) return std::string(packed);
  if (e.method != 8) return invalid("file", name + " uses an unsupported ZIP compression");
  std::string out(e.size, '\0');
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return fail(Errc::Internal, "file", "zlib failed");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&z, Z_FINISH);
  const auto produced = z.total_out;
  inflateEnd(&z);
  if (rc != Z_STREAM_END || produced != e.size) {
    return invalid("file", name + " does not decompress to its stated size");
  }
  return out;
}

// A non-negative decimal prefix of `text`, saturating at a billion (untrusted: no overflow).
int boundedInt(const char* text) {
  long long v = 0;
  for (const char* p = text; *p >= '0' && *p <= '9'; ++p) {
    v = std::min(v * 10 + (*p - '0'), 1000000000LL);
  }
  return static_cast<int>(v);
}

std::string_view localName(const XML_Char* name) {
  std::string_view n(name);
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* attribute(const XML_Char** attrs, std::string_view key) {
  for (int i = 0; attrs[i]; i += 2) {
    if (localName(attrs[i]) == key) return attrs[i + 1];
  }
  return nullptr;
}

// Runs expat over `xml` with a handler object that has start(name, attrs), end(name), text(s).
// Everything a handler may do to end the parse early: a DOCTYPE (workbooks have none, and entity
// expansion is how small XML grows huge), a budget run out, or an exception (expat is C: none
// may cross it).
struct ParseState {
  XML_Parser parser = nullptr;
  std::string refusal;
  void refuse(std::string why) {
    if (refusal.empty()) refusal = std::move(why);
    XML_StopParser(parser, XML_FALSE);
  }
};

template <class Handler>
struct Bound {
  Handler* handler;
  ParseState* state;
};

template <class Handler, class F>
void guarded(void* data, F&& f) {
  auto* b = static_cast<Bound<Handler>*>(data);
  if (!b->state->refusal.empty()) return;
  try {
    f(*b->handler);
    if (!b->handler->refusal().empty()) b->state->refuse(b->handler->refusal());
  } catch (const std::exception& e) {
    b->state->refuse(std::string("cannot be read: ") + e.what());
  }
}

template <class Handler>
Result<void> parseXml(const std::string& xml, Handler& handler, const std::string& part) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
      XML_ParserCreate("UTF-8"), XML_ParserFree);
  ParseState state{parser.get(), {}};
  Bound<Handler> bound{&handler, &state};
  XML_SetUserData(parser.get(), &bound);
  XML_SetStartDoctypeDeclHandler(
      parser.get(), [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        static_cast<Bound<Handler>*>(data)->state->refuse(
            "declares a DOCTYPE, which workbooks never do");
      });
  XML_SetElementHandler(
      parser.get(),
      [](void* data, const XML_Char* name, const XML_Char** attrs) {
        guarded<Handler>(data, [&](Handler& h) { h.start(localName(name), attrs); });
      },
      [](void* data, const XML_Char* name) {
        guarded<Handler>(data, [&](Handler& h) { h.end(localName(name)); });
      });
  XML_SetCharacterDataHandler(parser.get(), [](void* data, const XML_Char* text, int len) {
    guarded<Handler>(
        data, [&](Handler& h) { h.text(std::string_view(text, static_cast<std::size_t>(len))); });
  });
  const auto rc = XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), 1);
  if (!state.refusal.empty()) return invalid("file", part + " " + state.refusal);
  if (rc == XML_STATUS_ERROR) {
    return invalid("file", part + " is not well-formed XML (line " +
                               std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                               XML_ErrorString(XML_GetErrorCode(parser.get())) + ")");
  }
  return {};
}

// What a ledger may hold at most: cells allocated and bytes of text.
constexpr std::size_t kMaxCells = 2'000'000;
constexpr std::size_t kMaxTextBytes = std::size_t{128} << 20;

struct SharedStrings {
  std::vector<std::string> strings;
  std::string current;
  std::size_t bytes = 0;
  [[nodiscard]] std::string refusal() const {
    return bytes > kMaxTextBytes ? "holds more than 128 MB of text" : "";
  }
  bool in_si = false;
  bool in_t = false;
  bool in_phonetic = false;  // <rPh> runs are furigana, not cell text
  void start(std::string_view n, const XML_Char**) {
    if (n == "si") {
      in_si = true;
      current.clear();
    } else if (n == "t") {
      in_t = true;
    } else if (n == "rPh") {
      in_phonetic = true;
    }
  }
  void end(std::string_view n) {
    if (n == "si") {
      strings.push_back(current);
      in_si = false;
    } else if (n == "t") {
      in_t = false;
    } else if (n == "rPh") {
      in_phonetic = false;
    }
  }
  void text(std::string_view s) {
    if (in_si && in_t && !in_phonetic) {
      current.append(s);
      bytes += s.size();
    }
  }
};

// Ledgers are a few thousand rows of a few dozen columns; a sheet claiming cell XFD1048576 must
// not make us allocate a million rows of sixteen thousand cells.
constexpr int kMaxRows = 100000;
constexpr int kMaxColumns = 256;

struct SheetReader {
  const std::vector<std::string>& shared;
  Table rows;
  bool too_large = false;
  std::size_t cells = 0;  // allocated, gaps included
  std::size_t bytes = 0;  // of text placed in cells (a shared string counts each time it is used)
  [[nodiscard]] std::string refusal() const {
    if (too_large) return "has cells beyond row 100,000 or column 256; split the ledger";
    if (cells > kMaxCells || bytes > kMaxTextBytes) {
      return "holds more than two million cells or 128 MB of text; split the ledger";
    }
    return "";
  }
  int row = -1;
  int column = 0;
  std::string type;
  std::string value;
  bool in_value = false;
  bool in_cell = false;
  void start(std::string_view n, const XML_Char** attrs) {
    if (n == "row") {
      const XML_Char* r = attribute(attrs, "r");
      row = r ? boundedInt(r) - 1 : row + 1;
      column = 0;
    } else if (n == "c") {
      in_cell = true;
      const XML_Char* r = attribute(attrs, "r");
      if (r) column = columnIndex(r);
      const XML_Char* t = attribute(attrs, "t");
      type = t ? t : "n";
      value.clear();
    } else if (in_cell && (n == "v" || n == "t")) {
      in_value = true;
    }
  }
  void end(std::string_view n) {
    if (n == "v" || n == "t") {
      in_value = false;
    } else if (n == "c") {
      in_cell = false;
      std::string cell = value;
      if (type == "s") {
        const auto index = static_cast<std::size_t>(boundedInt(value.c_str()));
        cell = index < shared.size() ? shared[index] : std::string();
      } else if (type == "b") {
        cell = value == "1" ? "TRUE" : "FALSE";
      }
      if (row >= kMaxRows || column >= kMaxColumns) {
        too_large = true;
      } else if (row >= 0 && column >= 0) {
        if (rows.size() <= static_cast<std::size_t>(row))
          rows.resize(static_cast<std::size_t>(row) + 1);
        auto& cells = rows[static_cast<std::size_t>(row)];
        if (cells.size() <= static_cast<std::size_t>(column)) {
          this->cells += static_cast<std::size_t>(column) + 1 - cells.size();
          if (this->cells > kMaxCells) return;
          cells.resize(static_cast<std::size_t>(column) + 1);
        }
        bytes += cell.size();
        if (bytes > kMaxTextBytes) return;
        cells[static_cast<std::size_t>(column)] = std::move(cell);
      }
      ++column;
    }
  }
  void text(std::string_view s) {
    if (in_value) value.append(s);
  }
};

}  // namespace

int columnIndex(std::string_view ref) {
  int col = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    col = std::min(col * 26 + (c - 'A' + 1), 1000000);  // untrusted: saturate, never overflow
  }
  return col - 1;
}

Result<Table> readFirstSheet(std::string_view bytes) {
  const auto entries = CS_TRY(centralDirectory(bytes));
  std::string sheet_name;
  for (const auto& [name, _] : entries) {
    if (name.starts_with("xl/worksheets/sheet") && name.ends_with(".xml")) {
      // sheet1.xml before sheet10.xml: compare by number.
      auto number = [](const std::string& n) { return boundedInt(n.c_str() + 19); };
      if (sheet_name.empty() || number(name) < number(sheet_name)) sheet_name = name;
    }
  }
  if (sheet_name.empty()) return invalid("file", "is not an .xlsx workbook (no worksheet)");
  SharedStrings shared;
  if (auto it = entries.find("xl/sharedStrings.xml"); it != entries.end()) {
    const auto xml = CS_TRY(extract(bytes, it->second, it->first));
    CS_TRY(parseXml(xml, shared, it->first));
  }
  const auto xml = CS_TRY(extract(bytes, entries.at(sheet_name), sheet_name));
  SheetReader sheet{shared.strings, {}};
  CS_TRY(parseXml(xml, sheet, sheet_name));
  return std::move(sheet.rows);
}

}  // namespace citysafe::xlsx
