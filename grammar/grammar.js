/**
 * @file Tree-sitter grammar for Ollama Modelfiles.
 *
 * Mirrors the rune state machine of Ollama's `parser.ParseFile`
 * (ollama/ollama, parser/parser.go, v0.33.0-rc2): instruction boundaries are
 * the same as Ollama's for every file Ollama accepts. The value termination
 * rule (a quoted value ends at the first line whose trimmed buffer ends with
 * the closing delimiter) is implemented in src/scanner.c.
 *
 * Wrong input is parsed permissively (unknown_instruction, instructions
 * without a value, parameter names / message roles with any characters), so
 * that the rest of the file stays structured; validation is left to the
 * consumer.
 */

/* eslint-disable arrow-parens */
/* eslint-disable camelcase */
/* eslint-disable-next-line spaced-comment */
/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

/**
 * Case-insensitive keyword token, aliased to the named node `keyword`.
 *
 * On a tie with `unknown_keyword` (same length, e.g. `FROM`), the keyword wins
 * because it is defined earlier in the grammar; a longer word (`FROMX`,
 * `FROM:`) is an `unknown_keyword` by the longest-match rule.
 *
 * @param {GrammarSymbols<string>} $
 * @param {string} word
 */
function keyword($, word) {
  const pattern = word
    .split('')
    .map((c) => `[${c.toLowerCase()}${c.toUpperCase()}]`)
    .join('');
  return alias(token(new RegExp(pattern)), $.keyword);
}

// Runes that Go's strconv.IsPrint rejects (categories Cc, Cf, Co, Zl, Zp, Zs
// except U+0020, and noncharacters), without TAB/LF/CR and NUL. Same table
// as NONPRINT_RANGES in src/scanner.c. Where a keyword could start, Ollama
// drops such a rune (the UTF-8 BOM at file start is removed by its decoder;
// any other non-printable first rune of a keyword is discarded), so they are
// skipped with the whitespace between instructions.
const INVISIBLE =
  '\\u{1}-\\u{8}\\u{B}-\\u{C}\\u{E}-\\u{1F}\\u{7F}-\\u{A0}\\u{AD}' +
  '\\u{600}-\\u{605}\\u{61C}\\u{6DD}\\u{70F}\\u{890}-\\u{891}\\u{8E2}' +
  '\\u{1680}\\u{180E}\\u{2000}-\\u{200F}\\u{2028}-\\u{202F}' +
  '\\u{205F}-\\u{2064}\\u{2066}-\\u{206F}\\u{3000}\\u{E000}-\\u{F8FF}' +
  '\\u{FDD0}-\\u{FDEF}\\u{FEFF}\\u{FFF9}-\\u{FFFB}\\u{FFFE}-\\u{FFFF}' +
  '\\u{110BD}\\u{110CD}\\u{13430}-\\u{13438}\\u{1BCA0}-\\u{1BCA3}' +
  '\\u{1D173}-\\u{1D17A}\\u{1FFFE}-\\u{1FFFF}\\u{2FFFE}-\\u{2FFFF}' +
  '\\u{3FFFE}-\\u{3FFFF}\\u{4FFFE}-\\u{4FFFF}\\u{5FFFE}-\\u{5FFFF}' +
  '\\u{6FFFE}-\\u{6FFFF}\\u{7FFFE}-\\u{7FFFF}\\u{8FFFE}-\\u{8FFFF}' +
  '\\u{9FFFE}-\\u{9FFFF}\\u{AFFFE}-\\u{AFFFF}\\u{BFFFE}-\\u{BFFFF}' +
  '\\u{CFFFE}-\\u{CFFFF}\\u{DFFFE}-\\u{DFFFF}\\u{E0001}\\u{E0020}-\\u{E007F}' +
  '\\u{EFFFE}-\\u{10FFFF}';

/**
 * An instruction with a plain value: KEYWORD <sep> value.
 *
 * @param {GrammarSymbols<string>} $
 * @param {string} word
 */
function simpleInstruction($, word) {
  return seq(
    field('keyword', keyword($, word)),
    optional(seq($._separator, field('value', $.value))),
  );
}

module.exports = grammar({
  name: 'modelfile',

  externals: $ => [
    $._separator, // exactly one space or tab
    $._line_end, // [ \t<invisible>]* then \r\n | \r | \n, or end of input
    $._empty_value, // zero-width: value is empty (`SYSTEM ` + newline)
    $.unquoted_value,
    $._quote_open, // "
    $._triple_quote_open, // """
    $.string_content,
    $._quote_close, // "
    $._triple_quote_close, // """
    $._nul, // NUL characters between instructions (regexes cannot match NUL)
    $._error_sentinel, // never used in rules: valid only during error recovery
  ],

  extras: _ => [],

  rules: {
    source_file: $ => repeat(choice(
      $._blank,
      $._nul,
      seq($._line, $._line_end),
    )),

    // Spaces, tabs, newlines and invisible characters between instructions.
    _blank: _ => token(new RegExp(`[ \\t\\r\\n${INVISIBLE}]+`, 'u')),

    _line: $ => choice(
      $.comment,
      $.from_instruction,
      $.parameter_instruction,
      $.template_instruction,
      $.system_instruction,
      $.adapter_instruction,
      $.license_instruction,
      $.message_instruction,
      $.requires_instruction,
      $.draft_instruction,
      $.renderer_instruction,
      $.parser_instruction,
      $.unknown_instruction,
    ),

    // `#` where a keyword could start, to the end of the line. (NUL is a
    // separate token: the generated lexer cannot match it.)
    comment: $ => seq(
      token(/#[^\r\n]*/),
      repeat(seq($._nul, optional(token.immediate(/[^\r\n]+/)))),
    ),

    from_instruction: $ => simpleInstruction($, 'from'),
    template_instruction: $ => simpleInstruction($, 'template'),
    system_instruction: $ => simpleInstruction($, 'system'),
    adapter_instruction: $ => simpleInstruction($, 'adapter'),
    license_instruction: $ => simpleInstruction($, 'license'),
    requires_instruction: $ => simpleInstruction($, 'requires'),
    draft_instruction: $ => simpleInstruction($, 'draft'),
    renderer_instruction: $ => simpleInstruction($, 'renderer'),
    parser_instruction: $ => simpleInstruction($, 'parser'),

    // PARAMETER <name> <value>. A second separator right after the keyword
    // means an empty name (Ollama: name "", rest of the line is the value).
    parameter_instruction: $ => seq(
      field('keyword', keyword($, 'parameter')),
      optional(seq(
        $._separator,
        optional(field('name', alias($._word, $.parameter_name))),
        optional(seq($._separator, field('value', $.value))),
      )),
    ),

    // MESSAGE <role> <content>
    message_instruction: $ => seq(
      field('keyword', keyword($, 'message')),
      optional(seq(
        $._separator,
        optional(field('role', alias($._word, $.message_role))),
        optional(seq($._separator, field('value', $.value))),
      )),
    ),

    // A line starting with a word that is not one of the 11 keywords
    // (Ollama: "command must be one of ..."). Ollama stops there; its value is
    // read as any value is (a quote may continue it over several lines), the
    // way modelfile-ls' lexer resynchronises, so that both agree on where the
    // next instruction starts.
    unknown_instruction: $ => seq(
      field('keyword', $.unknown_keyword),
      optional(seq($._separator, field('value', $.value))),
    ),

    unknown_keyword: _ => token(new RegExp(`[^ \\t\\r\\n#${INVISIBLE}][^ \\t\\r\\n]*`, 'u')),

    // Ollama accepts [A-Za-z0-9_]+ (names) and [A-Za-z]+ (roles); anything up
    // to the next space/tab/newline is taken here so that a bad name still
    // yields structure. Consumers validate the text.
    _word: _ => token(/[^ \t\r\n]+/),

    value: $ => choice(
      $._empty_value,
      $.unquoted_value,
      $.quoted_value,
      $.triple_quoted_value,
    ),

    // "..."  The delimiters are the named nodes string_start / string_end
    // (text `"`); `content` is absent when empty; `close` is absent only when
    // the quote is still open at end of input (Ollama: unexpected EOF).
    quoted_value: $ => seq(
      field('open', alias($._quote_open, $.string_start)),
      optional(field('content', $.string_content)),
      optional(field('close', alias($._quote_close, $.string_end))),
    ),

    // """..."""  Same layout; string_start / string_end have text `"""`.
    triple_quoted_value: $ => seq(
      field('open', alias($._triple_quote_open, $.string_start)),
      optional(field('content', $.string_content)),
      optional(field('close', alias($._triple_quote_close, $.string_end))),
    ),
  },
});
