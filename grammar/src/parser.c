#include "tree_sitter/parser.h"

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif

#define LANGUAGE_VERSION 14
#define STATE_COUNT 65
#define LARGE_STATE_COUNT 4
#define SYMBOL_COUNT 48
#define ALIAS_COUNT 1
#define TOKEN_COUNT 28
#define EXTERNAL_TOKEN_COUNT 11
#define FIELD_COUNT 7
#define MAX_ALIAS_SEQUENCE_LENGTH 5
#define PRODUCTION_ID_COUNT 12

enum ts_symbol_identifiers {
  sym__blank = 1,
  aux_sym_comment_token1 = 2,
  aux_sym_comment_token2 = 3,
  aux_sym_from_instruction_token1 = 4,
  aux_sym_template_instruction_token1 = 5,
  aux_sym_system_instruction_token1 = 6,
  aux_sym_adapter_instruction_token1 = 7,
  aux_sym_license_instruction_token1 = 8,
  aux_sym_requires_instruction_token1 = 9,
  aux_sym_draft_instruction_token1 = 10,
  aux_sym_renderer_instruction_token1 = 11,
  aux_sym_parser_instruction_token1 = 12,
  aux_sym_parameter_instruction_token1 = 13,
  aux_sym_message_instruction_token1 = 14,
  sym_unknown_keyword = 15,
  sym__word = 16,
  sym__separator = 17,
  sym__line_end = 18,
  sym__empty_value = 19,
  sym_unquoted_value = 20,
  sym__quote_open = 21,
  sym__triple_quote_open = 22,
  sym_string_content = 23,
  sym__quote_close = 24,
  sym__triple_quote_close = 25,
  sym__nul = 26,
  sym__error_sentinel = 27,
  sym_source_file = 28,
  sym__line = 29,
  sym_comment = 30,
  sym_from_instruction = 31,
  sym_template_instruction = 32,
  sym_system_instruction = 33,
  sym_adapter_instruction = 34,
  sym_license_instruction = 35,
  sym_requires_instruction = 36,
  sym_draft_instruction = 37,
  sym_renderer_instruction = 38,
  sym_parser_instruction = 39,
  sym_parameter_instruction = 40,
  sym_message_instruction = 41,
  sym_unknown_instruction = 42,
  sym_value = 43,
  sym_quoted_value = 44,
  sym_triple_quoted_value = 45,
  aux_sym_source_file_repeat1 = 46,
  aux_sym_comment_repeat1 = 47,
  alias_sym_message_role = 48,
};

static const char * const ts_symbol_names[] = {
  [ts_builtin_sym_end] = "end",
  [sym__blank] = "_blank",
  [aux_sym_comment_token1] = "comment_token1",
  [aux_sym_comment_token2] = "comment_token2",
  [aux_sym_from_instruction_token1] = "keyword",
  [aux_sym_template_instruction_token1] = "keyword",
  [aux_sym_system_instruction_token1] = "keyword",
  [aux_sym_adapter_instruction_token1] = "keyword",
  [aux_sym_license_instruction_token1] = "keyword",
  [aux_sym_requires_instruction_token1] = "keyword",
  [aux_sym_draft_instruction_token1] = "keyword",
  [aux_sym_renderer_instruction_token1] = "keyword",
  [aux_sym_parser_instruction_token1] = "keyword",
  [aux_sym_parameter_instruction_token1] = "keyword",
  [aux_sym_message_instruction_token1] = "keyword",
  [sym_unknown_keyword] = "unknown_keyword",
  [sym__word] = "parameter_name",
  [sym__separator] = "_separator",
  [sym__line_end] = "_line_end",
  [sym__empty_value] = "_empty_value",
  [sym_unquoted_value] = "unquoted_value",
  [sym__quote_open] = "string_start",
  [sym__triple_quote_open] = "string_start",
  [sym_string_content] = "string_content",
  [sym__quote_close] = "string_end",
  [sym__triple_quote_close] = "string_end",
  [sym__nul] = "_nul",
  [sym__error_sentinel] = "_error_sentinel",
  [sym_source_file] = "source_file",
  [sym__line] = "_line",
  [sym_comment] = "comment",
  [sym_from_instruction] = "from_instruction",
  [sym_template_instruction] = "template_instruction",
  [sym_system_instruction] = "system_instruction",
  [sym_adapter_instruction] = "adapter_instruction",
  [sym_license_instruction] = "license_instruction",
  [sym_requires_instruction] = "requires_instruction",
  [sym_draft_instruction] = "draft_instruction",
  [sym_renderer_instruction] = "renderer_instruction",
  [sym_parser_instruction] = "parser_instruction",
  [sym_parameter_instruction] = "parameter_instruction",
  [sym_message_instruction] = "message_instruction",
  [sym_unknown_instruction] = "unknown_instruction",
  [sym_value] = "value",
  [sym_quoted_value] = "quoted_value",
  [sym_triple_quoted_value] = "triple_quoted_value",
  [aux_sym_source_file_repeat1] = "source_file_repeat1",
  [aux_sym_comment_repeat1] = "comment_repeat1",
  [alias_sym_message_role] = "message_role",
};

static const TSSymbol ts_symbol_map[] = {
  [ts_builtin_sym_end] = ts_builtin_sym_end,
  [sym__blank] = sym__blank,
  [aux_sym_comment_token1] = aux_sym_comment_token1,
  [aux_sym_comment_token2] = aux_sym_comment_token2,
  [aux_sym_from_instruction_token1] = aux_sym_from_instruction_token1,
  [aux_sym_template_instruction_token1] = aux_sym_from_instruction_token1,
  [aux_sym_system_instruction_token1] = aux_sym_from_instruction_token1,
  [aux_sym_adapter_instruction_token1] = aux_sym_from_instruction_token1,
  [aux_sym_license_instruction_token1] = aux_sym_from_instruction_token1,
  [aux_sym_requires_instruction_token1] = aux_sym_from_instruction_token1,
  [aux_sym_draft_instruction_token1] = aux_sym_from_instruction_token1,
  [aux_sym_renderer_instruction_token1] = aux_sym_from_instruction_token1,
  [aux_sym_parser_instruction_token1] = aux_sym_from_instruction_token1,
  [aux_sym_parameter_instruction_token1] = aux_sym_from_instruction_token1,
  [aux_sym_message_instruction_token1] = aux_sym_from_instruction_token1,
  [sym_unknown_keyword] = sym_unknown_keyword,
  [sym__word] = sym__word,
  [sym__separator] = sym__separator,
  [sym__line_end] = sym__line_end,
  [sym__empty_value] = sym__empty_value,
  [sym_unquoted_value] = sym_unquoted_value,
  [sym__quote_open] = sym__quote_open,
  [sym__triple_quote_open] = sym__quote_open,
  [sym_string_content] = sym_string_content,
  [sym__quote_close] = sym__quote_close,
  [sym__triple_quote_close] = sym__quote_close,
  [sym__nul] = sym__nul,
  [sym__error_sentinel] = sym__error_sentinel,
  [sym_source_file] = sym_source_file,
  [sym__line] = sym__line,
  [sym_comment] = sym_comment,
  [sym_from_instruction] = sym_from_instruction,
  [sym_template_instruction] = sym_template_instruction,
  [sym_system_instruction] = sym_system_instruction,
  [sym_adapter_instruction] = sym_adapter_instruction,
  [sym_license_instruction] = sym_license_instruction,
  [sym_requires_instruction] = sym_requires_instruction,
  [sym_draft_instruction] = sym_draft_instruction,
  [sym_renderer_instruction] = sym_renderer_instruction,
  [sym_parser_instruction] = sym_parser_instruction,
  [sym_parameter_instruction] = sym_parameter_instruction,
  [sym_message_instruction] = sym_message_instruction,
  [sym_unknown_instruction] = sym_unknown_instruction,
  [sym_value] = sym_value,
  [sym_quoted_value] = sym_quoted_value,
  [sym_triple_quoted_value] = sym_triple_quoted_value,
  [aux_sym_source_file_repeat1] = aux_sym_source_file_repeat1,
  [aux_sym_comment_repeat1] = aux_sym_comment_repeat1,
  [alias_sym_message_role] = alias_sym_message_role,
};

static const TSSymbolMetadata ts_symbol_metadata[] = {
  [ts_builtin_sym_end] = {
    .visible = false,
    .named = true,
  },
  [sym__blank] = {
    .visible = false,
    .named = true,
  },
  [aux_sym_comment_token1] = {
    .visible = false,
    .named = false,
  },
  [aux_sym_comment_token2] = {
    .visible = false,
    .named = false,
  },
  [aux_sym_from_instruction_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_template_instruction_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_system_instruction_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_adapter_instruction_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_license_instruction_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_requires_instruction_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_draft_instruction_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_renderer_instruction_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_parser_instruction_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_parameter_instruction_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_message_instruction_token1] = {
    .visible = true,
    .named = true,
  },
  [sym_unknown_keyword] = {
    .visible = true,
    .named = true,
  },
  [sym__word] = {
    .visible = true,
    .named = true,
  },
  [sym__separator] = {
    .visible = false,
    .named = true,
  },
  [sym__line_end] = {
    .visible = false,
    .named = true,
  },
  [sym__empty_value] = {
    .visible = false,
    .named = true,
  },
  [sym_unquoted_value] = {
    .visible = true,
    .named = true,
  },
  [sym__quote_open] = {
    .visible = true,
    .named = true,
  },
  [sym__triple_quote_open] = {
    .visible = true,
    .named = true,
  },
  [sym_string_content] = {
    .visible = true,
    .named = true,
  },
  [sym__quote_close] = {
    .visible = true,
    .named = true,
  },
  [sym__triple_quote_close] = {
    .visible = true,
    .named = true,
  },
  [sym__nul] = {
    .visible = false,
    .named = true,
  },
  [sym__error_sentinel] = {
    .visible = false,
    .named = true,
  },
  [sym_source_file] = {
    .visible = true,
    .named = true,
  },
  [sym__line] = {
    .visible = false,
    .named = true,
  },
  [sym_comment] = {
    .visible = true,
    .named = true,
  },
  [sym_from_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_template_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_system_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_adapter_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_license_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_requires_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_draft_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_renderer_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_parser_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_parameter_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_message_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_unknown_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_value] = {
    .visible = true,
    .named = true,
  },
  [sym_quoted_value] = {
    .visible = true,
    .named = true,
  },
  [sym_triple_quoted_value] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_source_file_repeat1] = {
    .visible = false,
    .named = false,
  },
  [aux_sym_comment_repeat1] = {
    .visible = false,
    .named = false,
  },
  [alias_sym_message_role] = {
    .visible = true,
    .named = true,
  },
};

enum ts_field_identifiers {
  field_close = 1,
  field_content = 2,
  field_keyword = 3,
  field_name = 4,
  field_open = 5,
  field_role = 6,
  field_value = 7,
};

static const char * const ts_field_names[] = {
  [0] = NULL,
  [field_close] = "close",
  [field_content] = "content",
  [field_keyword] = "keyword",
  [field_name] = "name",
  [field_open] = "open",
  [field_role] = "role",
  [field_value] = "value",
};

static const TSFieldMapSlice ts_field_map_slices[PRODUCTION_ID_COUNT] = {
  [1] = {.index = 0, .length = 1},
  [2] = {.index = 1, .length = 1},
  [3] = {.index = 2, .length = 2},
  [4] = {.index = 4, .length = 2},
  [5] = {.index = 6, .length = 2},
  [6] = {.index = 8, .length = 2},
  [7] = {.index = 10, .length = 2},
  [8] = {.index = 12, .length = 2},
  [9] = {.index = 14, .length = 3},
  [10] = {.index = 17, .length = 3},
  [11] = {.index = 20, .length = 3},
};

static const TSFieldMapEntry ts_field_map_entries[] = {
  [0] =
    {field_keyword, 0},
  [1] =
    {field_open, 0},
  [2] =
    {field_keyword, 0},
    {field_value, 2},
  [4] =
    {field_keyword, 0},
    {field_name, 2},
  [6] =
    {field_keyword, 0},
    {field_role, 2},
  [8] =
    {field_content, 1},
    {field_open, 0},
  [10] =
    {field_close, 1},
    {field_open, 0},
  [12] =
    {field_keyword, 0},
    {field_value, 3},
  [14] =
    {field_close, 2},
    {field_content, 1},
    {field_open, 0},
  [17] =
    {field_keyword, 0},
    {field_name, 2},
    {field_value, 4},
  [20] =
    {field_keyword, 0},
    {field_role, 2},
    {field_value, 4},
};

static const TSSymbol ts_alias_sequences[PRODUCTION_ID_COUNT][MAX_ALIAS_SEQUENCE_LENGTH] = {
  [0] = {0},
  [5] = {
    [2] = alias_sym_message_role,
  },
  [11] = {
    [2] = alias_sym_message_role,
  },
};

static const uint16_t ts_non_terminal_alias_map[] = {
  0,
};

static const TSStateId ts_primary_state_ids[STATE_COUNT] = {
  [0] = 0,
  [1] = 1,
  [2] = 2,
  [3] = 3,
  [4] = 4,
  [5] = 5,
  [6] = 6,
  [7] = 7,
  [8] = 8,
  [9] = 9,
  [10] = 10,
  [11] = 11,
  [12] = 12,
  [13] = 13,
  [14] = 14,
  [15] = 15,
  [16] = 16,
  [17] = 17,
  [18] = 18,
  [19] = 19,
  [20] = 20,
  [21] = 21,
  [22] = 22,
  [23] = 23,
  [24] = 24,
  [25] = 25,
  [26] = 26,
  [27] = 27,
  [28] = 28,
  [29] = 29,
  [30] = 30,
  [31] = 31,
  [32] = 32,
  [33] = 33,
  [34] = 34,
  [35] = 35,
  [36] = 36,
  [37] = 37,
  [38] = 38,
  [39] = 39,
  [40] = 40,
  [41] = 41,
  [42] = 42,
  [43] = 43,
  [44] = 44,
  [45] = 45,
  [46] = 46,
  [47] = 47,
  [48] = 48,
  [49] = 49,
  [50] = 50,
  [51] = 51,
  [52] = 52,
  [53] = 53,
  [54] = 54,
  [55] = 55,
  [56] = 56,
  [57] = 57,
  [58] = 58,
  [59] = 59,
  [60] = 60,
  [61] = 61,
  [62] = 62,
  [63] = 63,
  [64] = 64,
};

static TSCharacterRange sym__blank_character_set_1[] = {
  {0x01, ' '}, {0x7f, 0xa0}, {0xad, 0xad}, {0x600, 0x605}, {0x61c, 0x61c}, {0x6dd, 0x6dd}, {0x70f, 0x70f}, {0x890, 0x891},
  {0x8e2, 0x8e2}, {0x1680, 0x1680}, {0x180e, 0x180e}, {0x2000, 0x200f}, {0x2028, 0x202f}, {0x205f, 0x2064}, {0x2066, 0x206f}, {0x3000, 0x3000},
  {0xe000, 0xf8ff}, {0xfdd0, 0xfdef}, {0xfeff, 0xfeff}, {0xfff9, 0xfffb}, {0xfffe, 0xffff}, {0x110bd, 0x110bd}, {0x110cd, 0x110cd}, {0x13430, 0x13438},
  {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a}, {0x1fffe, 0x1ffff}, {0x2fffe, 0x2ffff}, {0x3fffe, 0x3ffff}, {0x4fffe, 0x4ffff}, {0x5fffe, 0x5ffff}, {0x6fffe, 0x6ffff},
  {0x7fffe, 0x7ffff}, {0x8fffe, 0x8ffff}, {0x9fffe, 0x9ffff}, {0xafffe, 0xaffff}, {0xbfffe, 0xbffff}, {0xcfffe, 0xcffff}, {0xdfffe, 0xdffff}, {0xe0001, 0xe0001},
  {0xe0020, 0xe007f}, {0xefffe, 0x10ffff},
};

static bool ts_lex(TSLexer *lexer, TSStateId state) {
  START_LEXER();
  eof = lexer->eof(lexer);
  switch (state) {
    case 0:
      if (eof) ADVANCE(4);
      ADVANCE_MAP(
        '#', 58,
        '\n', 5,
        '\r', 5,
        'A', 14,
        'a', 14,
        'D', 42,
        'd', 42,
        'F', 40,
        'f', 40,
        'L', 28,
        'l', 28,
        'M', 17,
        'm', 17,
        'P', 10,
        'p', 10,
        'R', 18,
        'r', 18,
        'S', 55,
        's', 55,
        'T', 19,
        't', 19,
      );
      if (set_contains(sym__blank_character_set_1, 42, lookahead)) ADVANCE(57);
      if ((!eof && lookahead <= 0xefffd)) ADVANCE(56);
      END_STATE();
    case 1:
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(130);
      END_STATE();
    case 2:
      if (lookahead != 0 &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(58);
      END_STATE();
    case 3:
      if (eof) ADVANCE(4);
      ADVANCE_MAP(
        '#', 6,
        'A', 77,
        'a', 77,
        'D', 114,
        'd', 114,
        'F', 108,
        'f', 108,
        'L', 96,
        'l', 96,
        'M', 79,
        'm', 79,
        'P', 73,
        'p', 73,
        'R', 80,
        'r', 80,
        'S', 128,
        's', 128,
        'T', 81,
        't', 81,
      );
      if (set_contains(sym__blank_character_set_1, 42, lookahead)) ADVANCE(5);
      if ((!eof && lookahead <= 0xefffd)) ADVANCE(129);
      END_STATE();
    case 4:
      ACCEPT_TOKEN(ts_builtin_sym_end);
      END_STATE();
    case 5:
      ACCEPT_TOKEN(sym__blank);
      if (set_contains(sym__blank_character_set_1, 42, lookahead)) ADVANCE(5);
      END_STATE();
    case 6:
      ACCEPT_TOKEN(aux_sym_comment_token1);
      if (lookahead != 0 &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(6);
      END_STATE();
    case 7:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(38);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 8:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(26);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 9:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(27);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 10:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(41);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 11:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(33);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(22);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 12:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(53);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 13:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'C' ||
          lookahead == 'c') ADVANCE(20);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 14:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(7);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 15:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(23);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 16:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(56);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 17:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(47);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 18:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(34);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 19:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(32);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 20:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(35);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 21:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(31);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 22:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(39);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 23:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(43);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 24:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(45);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 25:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(51);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 26:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'F' ||
          lookahead == 'f') ADVANCE(50);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 27:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'G' ||
          lookahead == 'g') ADVANCE(16);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 28:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(13);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 29:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(44);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 30:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(12);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 31:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(56);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 32:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(37);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 33:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(25);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 34:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(15);
      if (lookahead == 'Q' ||
          lookahead == 'q') ADVANCE(54);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 35:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(49);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 36:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(31);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 37:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'P' ||
          lookahead == 'p') ADVANCE(30);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 38:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'P' ||
          lookahead == 'p') ADVANCE(51);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 39:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(56);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 40:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(36);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 41:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(11);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 42:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(8);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 43:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(22);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 44:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(24);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 45:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(56);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 46:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(52);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 47:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(48);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 48:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(9);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 49:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(16);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 50:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(56);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 51:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(22);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 52:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(21);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 53:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(16);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 54:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'U' ||
          lookahead == 'u') ADVANCE(29);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 55:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead == 'Y' ||
          lookahead == 'y') ADVANCE(46);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 56:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\t' ||
          lookahead == ' ') ADVANCE(58);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(56);
      END_STATE();
    case 57:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead == '\n' ||
          lookahead == '\r') ADVANCE(5);
      if (set_contains(sym__blank_character_set_1, 42, lookahead)) ADVANCE(57);
      if ((!eof && lookahead <= 0xefffd)) ADVANCE(58);
      END_STATE();
    case 58:
      ACCEPT_TOKEN(aux_sym_comment_token2);
      if (lookahead != 0 &&
          lookahead != '\n' &&
          lookahead != '\r') ADVANCE(58);
      END_STATE();
    case 59:
      ACCEPT_TOKEN(aux_sym_from_instruction_token1);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 60:
      ACCEPT_TOKEN(aux_sym_template_instruction_token1);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 61:
      ACCEPT_TOKEN(aux_sym_system_instruction_token1);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 62:
      ACCEPT_TOKEN(aux_sym_adapter_instruction_token1);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 63:
      ACCEPT_TOKEN(aux_sym_license_instruction_token1);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 64:
      ACCEPT_TOKEN(aux_sym_requires_instruction_token1);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 65:
      ACCEPT_TOKEN(aux_sym_draft_instruction_token1);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 66:
      ACCEPT_TOKEN(aux_sym_renderer_instruction_token1);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 67:
      ACCEPT_TOKEN(aux_sym_parser_instruction_token1);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 68:
      ACCEPT_TOKEN(aux_sym_parameter_instruction_token1);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 69:
      ACCEPT_TOKEN(aux_sym_message_instruction_token1);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 70:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(107);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 71:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(94);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 72:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(95);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 73:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(109);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 74:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(102);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(86);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 75:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(126);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 76:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'C' ||
          lookahead == 'c') ADVANCE(82);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 77:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(70);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 78:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(88);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 79:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(119);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 80:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(103);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 81:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(101);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 82:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(104);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 83:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(63);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 84:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(69);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 85:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(60);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 86:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(110);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 87:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(100);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 88:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(115);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 89:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(118);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 90:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(111);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 91:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(112);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 92:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(113);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 93:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(125);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 94:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'F' ||
          lookahead == 'f') ADVANCE(122);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 95:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'G' ||
          lookahead == 'g') ADVANCE(84);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 96:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(76);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 97:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(116);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 98:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(75);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 99:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(59);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 100:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(61);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 101:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(106);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 102:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(93);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 103:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(78);
      if (lookahead == 'Q' ||
          lookahead == 'q') ADVANCE(127);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 104:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(121);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 105:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(99);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 106:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'P' ||
          lookahead == 'p') ADVANCE(98);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 107:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'P' ||
          lookahead == 'p') ADVANCE(124);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 108:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(105);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 109:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(74);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 110:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(67);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 111:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(62);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 112:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(66);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 113:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(68);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 114:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(71);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 115:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(91);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 116:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(89);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 117:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(123);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 118:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(64);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 119:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(120);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 120:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(72);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 121:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(83);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 122:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(65);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 123:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(87);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 124:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(90);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 125:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(92);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 126:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(85);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 127:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'U' ||
          lookahead == 'u') ADVANCE(97);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 128:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead == 'Y' ||
          lookahead == 'y') ADVANCE(117);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 129:
      ACCEPT_TOKEN(sym_unknown_keyword);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(129);
      END_STATE();
    case 130:
      ACCEPT_TOKEN(sym__word);
      if (lookahead != 0 &&
          lookahead != '\t' &&
          lookahead != '\n' &&
          lookahead != '\r' &&
          lookahead != ' ') ADVANCE(130);
      END_STATE();
    default:
      return false;
  }
}

static const TSLexMode ts_lex_modes[STATE_COUNT] = {
  [0] = {.lex_state = 0, .external_lex_state = 1},
  [1] = {.lex_state = 3, .external_lex_state = 2},
  [2] = {.lex_state = 3, .external_lex_state = 2},
  [3] = {.lex_state = 3, .external_lex_state = 2},
  [4] = {.lex_state = 3, .external_lex_state = 2},
  [5] = {.lex_state = 0, .external_lex_state = 3},
  [6] = {.lex_state = 0, .external_lex_state = 3},
  [7] = {.lex_state = 0, .external_lex_state = 3},
  [8] = {.lex_state = 0, .external_lex_state = 3},
  [9] = {.lex_state = 0, .external_lex_state = 3},
  [10] = {.lex_state = 0, .external_lex_state = 3},
  [11] = {.lex_state = 0, .external_lex_state = 3},
  [12] = {.lex_state = 0, .external_lex_state = 3},
  [13] = {.lex_state = 0, .external_lex_state = 3},
  [14] = {.lex_state = 0, .external_lex_state = 3},
  [15] = {.lex_state = 0, .external_lex_state = 3},
  [16] = {.lex_state = 0, .external_lex_state = 3},
  [17] = {.lex_state = 0, .external_lex_state = 3},
  [18] = {.lex_state = 0, .external_lex_state = 3},
  [19] = {.lex_state = 0, .external_lex_state = 4},
  [20] = {.lex_state = 0, .external_lex_state = 5},
  [21] = {.lex_state = 1, .external_lex_state = 6},
  [22] = {.lex_state = 2, .external_lex_state = 5},
  [23] = {.lex_state = 1, .external_lex_state = 6},
  [24] = {.lex_state = 0, .external_lex_state = 5},
  [25] = {.lex_state = 0, .external_lex_state = 7},
  [26] = {.lex_state = 0, .external_lex_state = 5},
  [27] = {.lex_state = 0, .external_lex_state = 6},
  [28] = {.lex_state = 0, .external_lex_state = 6},
  [29] = {.lex_state = 0, .external_lex_state = 6},
  [30] = {.lex_state = 0, .external_lex_state = 6},
  [31] = {.lex_state = 0, .external_lex_state = 6},
  [32] = {.lex_state = 0, .external_lex_state = 6},
  [33] = {.lex_state = 0, .external_lex_state = 6},
  [34] = {.lex_state = 0, .external_lex_state = 5},
  [35] = {.lex_state = 0, .external_lex_state = 6},
  [36] = {.lex_state = 0, .external_lex_state = 6},
  [37] = {.lex_state = 0, .external_lex_state = 6},
  [38] = {.lex_state = 0, .external_lex_state = 6},
  [39] = {.lex_state = 0, .external_lex_state = 8},
  [40] = {.lex_state = 0, .external_lex_state = 9},
  [41] = {.lex_state = 0, .external_lex_state = 6},
  [42] = {.lex_state = 0, .external_lex_state = 6},
  [43] = {.lex_state = 0, .external_lex_state = 6},
  [44] = {.lex_state = 0, .external_lex_state = 10},
  [45] = {.lex_state = 0, .external_lex_state = 10},
  [46] = {.lex_state = 0, .external_lex_state = 10},
  [47] = {.lex_state = 0, .external_lex_state = 10},
  [48] = {.lex_state = 0, .external_lex_state = 10},
  [49] = {.lex_state = 0, .external_lex_state = 10},
  [50] = {.lex_state = 0},
  [51] = {.lex_state = 0, .external_lex_state = 10},
  [52] = {.lex_state = 0, .external_lex_state = 10},
  [53] = {.lex_state = 0, .external_lex_state = 10},
  [54] = {.lex_state = 0, .external_lex_state = 10},
  [55] = {.lex_state = 0, .external_lex_state = 10},
  [56] = {.lex_state = 0, .external_lex_state = 10},
  [57] = {.lex_state = 0, .external_lex_state = 10},
  [58] = {.lex_state = 0, .external_lex_state = 10},
  [59] = {.lex_state = 0, .external_lex_state = 10},
  [60] = {.lex_state = 0, .external_lex_state = 10},
  [61] = {.lex_state = 0, .external_lex_state = 10},
  [62] = {.lex_state = 0, .external_lex_state = 10},
  [63] = {.lex_state = 0, .external_lex_state = 10},
  [64] = {.lex_state = 0, .external_lex_state = 10},
};

static const uint16_t ts_parse_table[LARGE_STATE_COUNT][SYMBOL_COUNT] = {
  [0] = {
    [ts_builtin_sym_end] = ACTIONS(1),
    [sym__blank] = ACTIONS(1),
    [aux_sym_comment_token1] = ACTIONS(1),
    [aux_sym_comment_token2] = ACTIONS(1),
    [aux_sym_from_instruction_token1] = ACTIONS(1),
    [aux_sym_template_instruction_token1] = ACTIONS(1),
    [aux_sym_system_instruction_token1] = ACTIONS(1),
    [aux_sym_adapter_instruction_token1] = ACTIONS(1),
    [aux_sym_license_instruction_token1] = ACTIONS(1),
    [aux_sym_requires_instruction_token1] = ACTIONS(1),
    [aux_sym_draft_instruction_token1] = ACTIONS(1),
    [aux_sym_renderer_instruction_token1] = ACTIONS(1),
    [aux_sym_parser_instruction_token1] = ACTIONS(1),
    [aux_sym_parameter_instruction_token1] = ACTIONS(1),
    [aux_sym_message_instruction_token1] = ACTIONS(1),
    [sym_unknown_keyword] = ACTIONS(1),
    [sym__separator] = ACTIONS(1),
    [sym__line_end] = ACTIONS(1),
    [sym__empty_value] = ACTIONS(1),
    [sym_unquoted_value] = ACTIONS(1),
    [sym__quote_open] = ACTIONS(1),
    [sym__triple_quote_open] = ACTIONS(1),
    [sym_string_content] = ACTIONS(1),
    [sym__quote_close] = ACTIONS(1),
    [sym__triple_quote_close] = ACTIONS(1),
    [sym__nul] = ACTIONS(1),
    [sym__error_sentinel] = ACTIONS(1),
  },
  [1] = {
    [sym_source_file] = STATE(50),
    [sym__line] = STATE(49),
    [sym_comment] = STATE(49),
    [sym_from_instruction] = STATE(49),
    [sym_template_instruction] = STATE(49),
    [sym_system_instruction] = STATE(49),
    [sym_adapter_instruction] = STATE(49),
    [sym_license_instruction] = STATE(49),
    [sym_requires_instruction] = STATE(49),
    [sym_draft_instruction] = STATE(49),
    [sym_renderer_instruction] = STATE(49),
    [sym_parser_instruction] = STATE(49),
    [sym_parameter_instruction] = STATE(49),
    [sym_message_instruction] = STATE(49),
    [sym_unknown_instruction] = STATE(49),
    [aux_sym_source_file_repeat1] = STATE(2),
    [ts_builtin_sym_end] = ACTIONS(3),
    [sym__blank] = ACTIONS(5),
    [aux_sym_comment_token1] = ACTIONS(7),
    [aux_sym_from_instruction_token1] = ACTIONS(9),
    [aux_sym_template_instruction_token1] = ACTIONS(11),
    [aux_sym_system_instruction_token1] = ACTIONS(13),
    [aux_sym_adapter_instruction_token1] = ACTIONS(15),
    [aux_sym_license_instruction_token1] = ACTIONS(17),
    [aux_sym_requires_instruction_token1] = ACTIONS(19),
    [aux_sym_draft_instruction_token1] = ACTIONS(21),
    [aux_sym_renderer_instruction_token1] = ACTIONS(23),
    [aux_sym_parser_instruction_token1] = ACTIONS(25),
    [aux_sym_parameter_instruction_token1] = ACTIONS(27),
    [aux_sym_message_instruction_token1] = ACTIONS(29),
    [sym_unknown_keyword] = ACTIONS(31),
    [sym__nul] = ACTIONS(5),
  },
  [2] = {
    [sym__line] = STATE(49),
    [sym_comment] = STATE(49),
    [sym_from_instruction] = STATE(49),
    [sym_template_instruction] = STATE(49),
    [sym_system_instruction] = STATE(49),
    [sym_adapter_instruction] = STATE(49),
    [sym_license_instruction] = STATE(49),
    [sym_requires_instruction] = STATE(49),
    [sym_draft_instruction] = STATE(49),
    [sym_renderer_instruction] = STATE(49),
    [sym_parser_instruction] = STATE(49),
    [sym_parameter_instruction] = STATE(49),
    [sym_message_instruction] = STATE(49),
    [sym_unknown_instruction] = STATE(49),
    [aux_sym_source_file_repeat1] = STATE(3),
    [ts_builtin_sym_end] = ACTIONS(33),
    [sym__blank] = ACTIONS(35),
    [aux_sym_comment_token1] = ACTIONS(7),
    [aux_sym_from_instruction_token1] = ACTIONS(9),
    [aux_sym_template_instruction_token1] = ACTIONS(11),
    [aux_sym_system_instruction_token1] = ACTIONS(13),
    [aux_sym_adapter_instruction_token1] = ACTIONS(15),
    [aux_sym_license_instruction_token1] = ACTIONS(17),
    [aux_sym_requires_instruction_token1] = ACTIONS(19),
    [aux_sym_draft_instruction_token1] = ACTIONS(21),
    [aux_sym_renderer_instruction_token1] = ACTIONS(23),
    [aux_sym_parser_instruction_token1] = ACTIONS(25),
    [aux_sym_parameter_instruction_token1] = ACTIONS(27),
    [aux_sym_message_instruction_token1] = ACTIONS(29),
    [sym_unknown_keyword] = ACTIONS(31),
    [sym__nul] = ACTIONS(35),
  },
  [3] = {
    [sym__line] = STATE(49),
    [sym_comment] = STATE(49),
    [sym_from_instruction] = STATE(49),
    [sym_template_instruction] = STATE(49),
    [sym_system_instruction] = STATE(49),
    [sym_adapter_instruction] = STATE(49),
    [sym_license_instruction] = STATE(49),
    [sym_requires_instruction] = STATE(49),
    [sym_draft_instruction] = STATE(49),
    [sym_renderer_instruction] = STATE(49),
    [sym_parser_instruction] = STATE(49),
    [sym_parameter_instruction] = STATE(49),
    [sym_message_instruction] = STATE(49),
    [sym_unknown_instruction] = STATE(49),
    [aux_sym_source_file_repeat1] = STATE(3),
    [ts_builtin_sym_end] = ACTIONS(37),
    [sym__blank] = ACTIONS(39),
    [aux_sym_comment_token1] = ACTIONS(42),
    [aux_sym_from_instruction_token1] = ACTIONS(45),
    [aux_sym_template_instruction_token1] = ACTIONS(48),
    [aux_sym_system_instruction_token1] = ACTIONS(51),
    [aux_sym_adapter_instruction_token1] = ACTIONS(54),
    [aux_sym_license_instruction_token1] = ACTIONS(57),
    [aux_sym_requires_instruction_token1] = ACTIONS(60),
    [aux_sym_draft_instruction_token1] = ACTIONS(63),
    [aux_sym_renderer_instruction_token1] = ACTIONS(66),
    [aux_sym_parser_instruction_token1] = ACTIONS(69),
    [aux_sym_parameter_instruction_token1] = ACTIONS(72),
    [aux_sym_message_instruction_token1] = ACTIONS(75),
    [sym_unknown_keyword] = ACTIONS(78),
    [sym__nul] = ACTIONS(39),
  },
};

static const uint16_t ts_small_parse_table[] = {
  [0] = 2,
    ACTIONS(37), 4,
      sym__nul,
      ts_builtin_sym_end,
      sym__blank,
      aux_sym_comment_token1,
    ACTIONS(81), 12,
      aux_sym_from_instruction_token1,
      aux_sym_template_instruction_token1,
      aux_sym_system_instruction_token1,
      aux_sym_adapter_instruction_token1,
      aux_sym_license_instruction_token1,
      aux_sym_requires_instruction_token1,
      aux_sym_draft_instruction_token1,
      aux_sym_renderer_instruction_token1,
      aux_sym_parser_instruction_token1,
      aux_sym_parameter_instruction_token1,
      aux_sym_message_instruction_token1,
      sym_unknown_keyword,
  [21] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(57), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [39] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(64), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [57] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(51), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [75] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(53), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [93] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(55), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [111] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(58), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [129] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(60), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [147] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(63), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [165] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(45), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [183] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(46), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [201] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(47), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [219] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(52), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [237] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(59), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [255] = 5,
    ACTIONS(85), 1,
      sym__quote_open,
    ACTIONS(87), 1,
      sym__triple_quote_open,
    STATE(44), 1,
      sym_value,
    ACTIONS(83), 2,
      sym__empty_value,
      sym_unquoted_value,
    STATE(48), 2,
      sym_quoted_value,
      sym_triple_quoted_value,
  [273] = 3,
    ACTIONS(89), 1,
      sym__line_end,
    ACTIONS(91), 1,
      sym_string_content,
    ACTIONS(93), 1,
      sym__triple_quote_close,
  [283] = 3,
    ACTIONS(95), 1,
      sym__line_end,
    ACTIONS(97), 1,
      sym__nul,
    STATE(24), 1,
      aux_sym_comment_repeat1,
  [293] = 3,
    ACTIONS(99), 1,
      sym__word,
    ACTIONS(101), 1,
      sym__separator,
    ACTIONS(103), 1,
      sym__line_end,
  [303] = 2,
    ACTIONS(105), 1,
      aux_sym_comment_token2,
    ACTIONS(107), 2,
      sym__line_end,
      sym__nul,
  [311] = 3,
    ACTIONS(109), 1,
      sym__word,
    ACTIONS(111), 1,
      sym__separator,
    ACTIONS(113), 1,
      sym__line_end,
  [321] = 3,
    ACTIONS(115), 1,
      sym__line_end,
    ACTIONS(117), 1,
      sym__nul,
    STATE(24), 1,
      aux_sym_comment_repeat1,
  [331] = 3,
    ACTIONS(120), 1,
      sym__line_end,
    ACTIONS(122), 1,
      sym_string_content,
    ACTIONS(124), 1,
      sym__quote_close,
  [341] = 3,
    ACTIONS(97), 1,
      sym__nul,
    ACTIONS(126), 1,
      sym__line_end,
    STATE(20), 1,
      aux_sym_comment_repeat1,
  [351] = 2,
    ACTIONS(128), 1,
      sym__separator,
    ACTIONS(130), 1,
      sym__line_end,
  [358] = 2,
    ACTIONS(132), 1,
      sym__separator,
    ACTIONS(134), 1,
      sym__line_end,
  [365] = 2,
    ACTIONS(136), 1,
      sym__separator,
    ACTIONS(138), 1,
      sym__line_end,
  [372] = 2,
    ACTIONS(140), 1,
      sym__separator,
    ACTIONS(142), 1,
      sym__line_end,
  [379] = 2,
    ACTIONS(144), 1,
      sym__separator,
    ACTIONS(146), 1,
      sym__line_end,
  [386] = 2,
    ACTIONS(148), 1,
      sym__separator,
    ACTIONS(150), 1,
      sym__line_end,
  [393] = 2,
    ACTIONS(152), 1,
      sym__separator,
    ACTIONS(154), 1,
      sym__line_end,
  [400] = 1,
    ACTIONS(115), 2,
      sym__line_end,
      sym__nul,
  [405] = 2,
    ACTIONS(156), 1,
      sym__separator,
    ACTIONS(158), 1,
      sym__line_end,
  [412] = 2,
    ACTIONS(160), 1,
      sym__separator,
    ACTIONS(162), 1,
      sym__line_end,
  [419] = 2,
    ACTIONS(164), 1,
      sym__separator,
    ACTIONS(166), 1,
      sym__line_end,
  [426] = 2,
    ACTIONS(168), 1,
      sym__separator,
    ACTIONS(170), 1,
      sym__line_end,
  [433] = 2,
    ACTIONS(172), 1,
      sym__line_end,
    ACTIONS(174), 1,
      sym__quote_close,
  [440] = 2,
    ACTIONS(176), 1,
      sym__line_end,
    ACTIONS(178), 1,
      sym__triple_quote_close,
  [447] = 2,
    ACTIONS(180), 1,
      sym__separator,
    ACTIONS(182), 1,
      sym__line_end,
  [454] = 2,
    ACTIONS(184), 1,
      sym__separator,
    ACTIONS(186), 1,
      sym__line_end,
  [461] = 2,
    ACTIONS(188), 1,
      sym__separator,
    ACTIONS(190), 1,
      sym__line_end,
  [468] = 1,
    ACTIONS(192), 1,
      sym__line_end,
  [472] = 1,
    ACTIONS(194), 1,
      sym__line_end,
  [476] = 1,
    ACTIONS(196), 1,
      sym__line_end,
  [480] = 1,
    ACTIONS(198), 1,
      sym__line_end,
  [484] = 1,
    ACTIONS(200), 1,
      sym__line_end,
  [488] = 1,
    ACTIONS(202), 1,
      sym__line_end,
  [492] = 1,
    ACTIONS(204), 1,
      ts_builtin_sym_end,
  [496] = 1,
    ACTIONS(206), 1,
      sym__line_end,
  [500] = 1,
    ACTIONS(208), 1,
      sym__line_end,
  [504] = 1,
    ACTIONS(210), 1,
      sym__line_end,
  [508] = 1,
    ACTIONS(212), 1,
      sym__line_end,
  [512] = 1,
    ACTIONS(214), 1,
      sym__line_end,
  [516] = 1,
    ACTIONS(216), 1,
      sym__line_end,
  [520] = 1,
    ACTIONS(218), 1,
      sym__line_end,
  [524] = 1,
    ACTIONS(220), 1,
      sym__line_end,
  [528] = 1,
    ACTIONS(222), 1,
      sym__line_end,
  [532] = 1,
    ACTIONS(224), 1,
      sym__line_end,
  [536] = 1,
    ACTIONS(226), 1,
      sym__line_end,
  [540] = 1,
    ACTIONS(228), 1,
      sym__line_end,
  [544] = 1,
    ACTIONS(230), 1,
      sym__line_end,
  [548] = 1,
    ACTIONS(232), 1,
      sym__line_end,
};

static const uint32_t ts_small_parse_table_map[] = {
  [SMALL_STATE(4)] = 0,
  [SMALL_STATE(5)] = 21,
  [SMALL_STATE(6)] = 39,
  [SMALL_STATE(7)] = 57,
  [SMALL_STATE(8)] = 75,
  [SMALL_STATE(9)] = 93,
  [SMALL_STATE(10)] = 111,
  [SMALL_STATE(11)] = 129,
  [SMALL_STATE(12)] = 147,
  [SMALL_STATE(13)] = 165,
  [SMALL_STATE(14)] = 183,
  [SMALL_STATE(15)] = 201,
  [SMALL_STATE(16)] = 219,
  [SMALL_STATE(17)] = 237,
  [SMALL_STATE(18)] = 255,
  [SMALL_STATE(19)] = 273,
  [SMALL_STATE(20)] = 283,
  [SMALL_STATE(21)] = 293,
  [SMALL_STATE(22)] = 303,
  [SMALL_STATE(23)] = 311,
  [SMALL_STATE(24)] = 321,
  [SMALL_STATE(25)] = 331,
  [SMALL_STATE(26)] = 341,
  [SMALL_STATE(27)] = 351,
  [SMALL_STATE(28)] = 358,
  [SMALL_STATE(29)] = 365,
  [SMALL_STATE(30)] = 372,
  [SMALL_STATE(31)] = 379,
  [SMALL_STATE(32)] = 386,
  [SMALL_STATE(33)] = 393,
  [SMALL_STATE(34)] = 400,
  [SMALL_STATE(35)] = 405,
  [SMALL_STATE(36)] = 412,
  [SMALL_STATE(37)] = 419,
  [SMALL_STATE(38)] = 426,
  [SMALL_STATE(39)] = 433,
  [SMALL_STATE(40)] = 440,
  [SMALL_STATE(41)] = 447,
  [SMALL_STATE(42)] = 454,
  [SMALL_STATE(43)] = 461,
  [SMALL_STATE(44)] = 468,
  [SMALL_STATE(45)] = 472,
  [SMALL_STATE(46)] = 476,
  [SMALL_STATE(47)] = 480,
  [SMALL_STATE(48)] = 484,
  [SMALL_STATE(49)] = 488,
  [SMALL_STATE(50)] = 492,
  [SMALL_STATE(51)] = 496,
  [SMALL_STATE(52)] = 500,
  [SMALL_STATE(53)] = 504,
  [SMALL_STATE(54)] = 508,
  [SMALL_STATE(55)] = 512,
  [SMALL_STATE(56)] = 516,
  [SMALL_STATE(57)] = 520,
  [SMALL_STATE(58)] = 524,
  [SMALL_STATE(59)] = 528,
  [SMALL_STATE(60)] = 532,
  [SMALL_STATE(61)] = 536,
  [SMALL_STATE(62)] = 540,
  [SMALL_STATE(63)] = 544,
  [SMALL_STATE(64)] = 548,
};

static const TSParseActionEntry ts_parse_actions[] = {
  [0] = {.entry = {.count = 0, .reusable = false}},
  [1] = {.entry = {.count = 1, .reusable = false}}, RECOVER(),
  [3] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_source_file, 0, 0, 0),
  [5] = {.entry = {.count = 1, .reusable = true}}, SHIFT(2),
  [7] = {.entry = {.count = 1, .reusable = true}}, SHIFT(26),
  [9] = {.entry = {.count = 1, .reusable = false}}, SHIFT(28),
  [11] = {.entry = {.count = 1, .reusable = false}}, SHIFT(32),
  [13] = {.entry = {.count = 1, .reusable = false}}, SHIFT(33),
  [15] = {.entry = {.count = 1, .reusable = false}}, SHIFT(35),
  [17] = {.entry = {.count = 1, .reusable = false}}, SHIFT(43),
  [19] = {.entry = {.count = 1, .reusable = false}}, SHIFT(27),
  [21] = {.entry = {.count = 1, .reusable = false}}, SHIFT(31),
  [23] = {.entry = {.count = 1, .reusable = false}}, SHIFT(37),
  [25] = {.entry = {.count = 1, .reusable = false}}, SHIFT(41),
  [27] = {.entry = {.count = 1, .reusable = false}}, SHIFT(42),
  [29] = {.entry = {.count = 1, .reusable = false}}, SHIFT(30),
  [31] = {.entry = {.count = 1, .reusable = false}}, SHIFT(29),
  [33] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_source_file, 1, 0, 0),
  [35] = {.entry = {.count = 1, .reusable = true}}, SHIFT(3),
  [37] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0),
  [39] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(3),
  [42] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(26),
  [45] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(28),
  [48] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(32),
  [51] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(33),
  [54] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(35),
  [57] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(43),
  [60] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(27),
  [63] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(31),
  [66] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(37),
  [69] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(41),
  [72] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(42),
  [75] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(30),
  [78] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(29),
  [81] = {.entry = {.count = 1, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0),
  [83] = {.entry = {.count = 1, .reusable = true}}, SHIFT(48),
  [85] = {.entry = {.count = 1, .reusable = true}}, SHIFT(25),
  [87] = {.entry = {.count = 1, .reusable = true}}, SHIFT(19),
  [89] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_triple_quoted_value, 1, 0, 2),
  [91] = {.entry = {.count = 1, .reusable = true}}, SHIFT(40),
  [93] = {.entry = {.count = 1, .reusable = true}}, SHIFT(56),
  [95] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_comment, 2, 0, 0),
  [97] = {.entry = {.count = 1, .reusable = true}}, SHIFT(22),
  [99] = {.entry = {.count = 1, .reusable = true}}, SHIFT(38),
  [101] = {.entry = {.count = 1, .reusable = true}}, SHIFT(17),
  [103] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_message_instruction, 2, 0, 1),
  [105] = {.entry = {.count = 1, .reusable = true}}, SHIFT(34),
  [107] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym_comment_repeat1, 1, 0, 0),
  [109] = {.entry = {.count = 1, .reusable = true}}, SHIFT(36),
  [111] = {.entry = {.count = 1, .reusable = true}}, SHIFT(5),
  [113] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_parameter_instruction, 2, 0, 1),
  [115] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym_comment_repeat1, 2, 0, 0),
  [117] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_comment_repeat1, 2, 0, 0), SHIFT_REPEAT(22),
  [120] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_quoted_value, 1, 0, 2),
  [122] = {.entry = {.count = 1, .reusable = true}}, SHIFT(39),
  [124] = {.entry = {.count = 1, .reusable = true}}, SHIFT(54),
  [126] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_comment, 1, 0, 0),
  [128] = {.entry = {.count = 1, .reusable = true}}, SHIFT(12),
  [130] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_requires_instruction, 1, 0, 1),
  [132] = {.entry = {.count = 1, .reusable = true}}, SHIFT(7),
  [134] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_from_instruction, 1, 0, 1),
  [136] = {.entry = {.count = 1, .reusable = true}}, SHIFT(16),
  [138] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_unknown_instruction, 1, 0, 1),
  [140] = {.entry = {.count = 1, .reusable = true}}, SHIFT(21),
  [142] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_message_instruction, 1, 0, 1),
  [144] = {.entry = {.count = 1, .reusable = true}}, SHIFT(13),
  [146] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_draft_instruction, 1, 0, 1),
  [148] = {.entry = {.count = 1, .reusable = true}}, SHIFT(8),
  [150] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_template_instruction, 1, 0, 1),
  [152] = {.entry = {.count = 1, .reusable = true}}, SHIFT(9),
  [154] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_system_instruction, 1, 0, 1),
  [156] = {.entry = {.count = 1, .reusable = true}}, SHIFT(10),
  [158] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_adapter_instruction, 1, 0, 1),
  [160] = {.entry = {.count = 1, .reusable = true}}, SHIFT(18),
  [162] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_parameter_instruction, 3, 0, 4),
  [164] = {.entry = {.count = 1, .reusable = true}}, SHIFT(14),
  [166] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_renderer_instruction, 1, 0, 1),
  [168] = {.entry = {.count = 1, .reusable = true}}, SHIFT(6),
  [170] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_message_instruction, 3, 0, 5),
  [172] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_quoted_value, 2, 0, 6),
  [174] = {.entry = {.count = 1, .reusable = true}}, SHIFT(61),
  [176] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_triple_quoted_value, 2, 0, 6),
  [178] = {.entry = {.count = 1, .reusable = true}}, SHIFT(62),
  [180] = {.entry = {.count = 1, .reusable = true}}, SHIFT(15),
  [182] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_parser_instruction, 1, 0, 1),
  [184] = {.entry = {.count = 1, .reusable = true}}, SHIFT(23),
  [186] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_parameter_instruction, 1, 0, 1),
  [188] = {.entry = {.count = 1, .reusable = true}}, SHIFT(11),
  [190] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_license_instruction, 1, 0, 1),
  [192] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_parameter_instruction, 5, 0, 10),
  [194] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_draft_instruction, 3, 0, 3),
  [196] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_renderer_instruction, 3, 0, 3),
  [198] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_parser_instruction, 3, 0, 3),
  [200] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_value, 1, 0, 0),
  [202] = {.entry = {.count = 1, .reusable = true}}, SHIFT(4),
  [204] = {.entry = {.count = 1, .reusable = true}},  ACCEPT_INPUT(),
  [206] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_from_instruction, 3, 0, 3),
  [208] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_unknown_instruction, 3, 0, 3),
  [210] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_template_instruction, 3, 0, 3),
  [212] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_quoted_value, 2, 0, 7),
  [214] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_system_instruction, 3, 0, 3),
  [216] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_triple_quoted_value, 2, 0, 7),
  [218] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_parameter_instruction, 4, 0, 8),
  [220] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_adapter_instruction, 3, 0, 3),
  [222] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_message_instruction, 4, 0, 8),
  [224] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_license_instruction, 3, 0, 3),
  [226] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_quoted_value, 3, 0, 9),
  [228] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_triple_quoted_value, 3, 0, 9),
  [230] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_requires_instruction, 3, 0, 3),
  [232] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_message_instruction, 5, 0, 11),
};

enum ts_external_scanner_symbol_identifiers {
  ts_external_token__separator = 0,
  ts_external_token__line_end = 1,
  ts_external_token__empty_value = 2,
  ts_external_token_unquoted_value = 3,
  ts_external_token__quote_open = 4,
  ts_external_token__triple_quote_open = 5,
  ts_external_token_string_content = 6,
  ts_external_token__quote_close = 7,
  ts_external_token__triple_quote_close = 8,
  ts_external_token__nul = 9,
  ts_external_token__error_sentinel = 10,
};

static const TSSymbol ts_external_scanner_symbol_map[EXTERNAL_TOKEN_COUNT] = {
  [ts_external_token__separator] = sym__separator,
  [ts_external_token__line_end] = sym__line_end,
  [ts_external_token__empty_value] = sym__empty_value,
  [ts_external_token_unquoted_value] = sym_unquoted_value,
  [ts_external_token__quote_open] = sym__quote_open,
  [ts_external_token__triple_quote_open] = sym__triple_quote_open,
  [ts_external_token_string_content] = sym_string_content,
  [ts_external_token__quote_close] = sym__quote_close,
  [ts_external_token__triple_quote_close] = sym__triple_quote_close,
  [ts_external_token__nul] = sym__nul,
  [ts_external_token__error_sentinel] = sym__error_sentinel,
};

static const bool ts_external_scanner_states[11][EXTERNAL_TOKEN_COUNT] = {
  [1] = {
    [ts_external_token__separator] = true,
    [ts_external_token__line_end] = true,
    [ts_external_token__empty_value] = true,
    [ts_external_token_unquoted_value] = true,
    [ts_external_token__quote_open] = true,
    [ts_external_token__triple_quote_open] = true,
    [ts_external_token_string_content] = true,
    [ts_external_token__quote_close] = true,
    [ts_external_token__triple_quote_close] = true,
    [ts_external_token__nul] = true,
    [ts_external_token__error_sentinel] = true,
  },
  [2] = {
    [ts_external_token__nul] = true,
  },
  [3] = {
    [ts_external_token__empty_value] = true,
    [ts_external_token_unquoted_value] = true,
    [ts_external_token__quote_open] = true,
    [ts_external_token__triple_quote_open] = true,
  },
  [4] = {
    [ts_external_token__line_end] = true,
    [ts_external_token_string_content] = true,
    [ts_external_token__triple_quote_close] = true,
  },
  [5] = {
    [ts_external_token__line_end] = true,
    [ts_external_token__nul] = true,
  },
  [6] = {
    [ts_external_token__separator] = true,
    [ts_external_token__line_end] = true,
  },
  [7] = {
    [ts_external_token__line_end] = true,
    [ts_external_token_string_content] = true,
    [ts_external_token__quote_close] = true,
  },
  [8] = {
    [ts_external_token__line_end] = true,
    [ts_external_token__quote_close] = true,
  },
  [9] = {
    [ts_external_token__line_end] = true,
    [ts_external_token__triple_quote_close] = true,
  },
  [10] = {
    [ts_external_token__line_end] = true,
  },
};

#ifdef __cplusplus
extern "C" {
#endif
void *tree_sitter_modelfile_external_scanner_create(void);
void tree_sitter_modelfile_external_scanner_destroy(void *);
bool tree_sitter_modelfile_external_scanner_scan(void *, TSLexer *, const bool *);
unsigned tree_sitter_modelfile_external_scanner_serialize(void *, char *);
void tree_sitter_modelfile_external_scanner_deserialize(void *, const char *, unsigned);

#ifdef TREE_SITTER_HIDE_SYMBOLS
#define TS_PUBLIC
#elif defined(_WIN32)
#define TS_PUBLIC __declspec(dllexport)
#else
#define TS_PUBLIC __attribute__((visibility("default")))
#endif

TS_PUBLIC const TSLanguage *tree_sitter_modelfile(void) {
  static const TSLanguage language = {
    .version = LANGUAGE_VERSION,
    .symbol_count = SYMBOL_COUNT,
    .alias_count = ALIAS_COUNT,
    .token_count = TOKEN_COUNT,
    .external_token_count = EXTERNAL_TOKEN_COUNT,
    .state_count = STATE_COUNT,
    .large_state_count = LARGE_STATE_COUNT,
    .production_id_count = PRODUCTION_ID_COUNT,
    .field_count = FIELD_COUNT,
    .max_alias_sequence_length = MAX_ALIAS_SEQUENCE_LENGTH,
    .parse_table = &ts_parse_table[0][0],
    .small_parse_table = ts_small_parse_table,
    .small_parse_table_map = ts_small_parse_table_map,
    .parse_actions = ts_parse_actions,
    .symbol_names = ts_symbol_names,
    .field_names = ts_field_names,
    .field_map_slices = ts_field_map_slices,
    .field_map_entries = ts_field_map_entries,
    .symbol_metadata = ts_symbol_metadata,
    .public_symbol_map = ts_symbol_map,
    .alias_map = ts_non_terminal_alias_map,
    .alias_sequences = &ts_alias_sequences[0][0],
    .lex_modes = ts_lex_modes,
    .lex_fn = ts_lex,
    .external_scanner = {
      &ts_external_scanner_states[0][0],
      ts_external_scanner_symbol_map,
      tree_sitter_modelfile_external_scanner_create,
      tree_sitter_modelfile_external_scanner_destroy,
      tree_sitter_modelfile_external_scanner_scan,
      tree_sitter_modelfile_external_scanner_serialize,
      tree_sitter_modelfile_external_scanner_deserialize,
    },
    .primary_state_ids = ts_primary_state_ids,
  };
  return &language;
}
#ifdef __cplusplus
}
#endif
