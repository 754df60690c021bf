"""Go's `fmt` formatting state (format.go): flags, width, precision, padding and the
formatting of integers, floats, strings and runes that `fmt`'s printer (`gofmt`) applies to
each operand.
"""

from modelfile_ls.gostrconv import quote, quote_ascii, quote_rune_in
from modelfile_ls.gounicode import is_print
from modelfile_ls.template.gofloat import format_float

MAX_RUNE = 0x10FFFF
LOWER_DIGITS = "0123456789abcdefx"
UPPER_DIGITS = "0123456789ABCDEFX"


class Formatter:
    """Go's `fmt`: the output of one print and the flags of its current verb."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.clear_flags()

    def clear_flags(self) -> None:
        """Go's `clearflags`: no width, precision or flag."""
        self.width = self.precision = 0
        self.has_width = self.has_precision = False
        self.minus = self.plus = self.sharp = self.space = self.zero = False
        self.plus_v = self.sharp_v = False

    def padding(self, count: int) -> str:
        """Go's `writePadding`: zeros when asked (and not left-justified), else spaces."""
        if count <= 0:
            return ""
        return ("0" if self.zero and not self.minus else " ") * count

    def pad(self, text: str) -> None:
        """Go's `pad`: `text` widened to the width, counted in runes."""
        if not self.has_width or self.width == 0:
            self.out.append(text)
            return
        fill = self.padding(self.width - len(text))
        self.out.append(text + fill if self.minus else fill + text)

    def pad_unzeroed(self, text: str) -> None:
        """`pad` with zero padding off, as numbers that place their own zeros do."""
        zero, self.zero = self.zero, False
        self.pad(text)
        self.zero = zero

    def fmt_s(self, text: str) -> None:
        """Go's `fmtS`: the string cut to the precision (in runes), padded."""
        self.pad(self.truncated(text))

    def truncated(self, text: str) -> str:
        """Go's `truncateString`."""
        return text[: self.precision] if self.has_precision else text

    def fmt_sx(self, data: bytes, digits: str) -> None:
        """Go's `fmtSbx`: bytes in hex, `% x` spaced, `%#x` with 0x."""
        length = min(len(data), self.precision) if self.has_precision else len(data)
        width = 2 * length
        if width == 0:
            if self.has_width:
                self.out.append(self.padding(self.width))
            return
        if self.space:
            width = width * (2 if self.sharp else 1) + length - 1
        elif self.sharp:
            width += 2
        if self.has_width and self.width > width and not self.minus:
            self.out.append(self.padding(self.width - width))
        prefix = "0" + digits[16]
        parts = [prefix] if self.sharp else []
        for index, byte in enumerate(data[:length]):
            if self.space and index > 0:
                parts.append(" " + prefix if self.sharp else " ")
            parts.append(digits[byte >> 4] + digits[byte & 0xF])
        self.out.append("".join(parts))
        if self.has_width and self.width > width and self.minus:
            self.out.append(self.padding(self.width - width))

    def fmt_q(self, text: str) -> None:
        """Go's `fmtQ`: quoted (`%#q` backquoted when it can be, `%+q` in ASCII)."""
        text = self.truncated(text)
        if self.sharp and _can_backquote(text):
            self.pad("`" + text + "`")
        else:
            self.pad(quote_ascii(text) if self.plus else quote(text))

    def fmt_c(self, code: int) -> None:
        """Go's `fmtC`: the rune of an integer (U+FFFD when it is none)."""
        self.pad(rune_of(code))

    def fmt_qc(self, code: int) -> None:
        """Go's `fmtQc`: the rune of an integer, single-quoted."""
        self.pad("'" + quote_rune_in(rune_of(code), "'", ascii_only=self.plus) + "'")

    def fmt_unicode(self, code: int) -> None:
        """Go's `fmtUnicode`: `U+0041` (`%#U`: `U+0041 'A'`)."""
        digits = f"{code:X}"
        minimum = self.precision if self.has_precision and self.precision > 4 else 4
        text = "U+" + digits.rjust(minimum, "0")
        if self.sharp and code == ord(rune_of(code)) and is_print(chr(code)):
            text += f" '{chr(code)}'"
        self.pad_unzeroed(text)

    def fmt_integer(self, value: int, base: int, verb: str, digits: str) -> None:
        """Go's `fmt.fmtInteger`: sign, precision or zero fill, `#` prefixes, padding."""
        negative = value < 0
        magnitude = -value if negative else value
        precision = 0
        if self.has_precision:
            precision = self.precision
            if precision == 0 and magnitude == 0:
                zero, self.zero = self.zero, False
                self.out.append(self.padding(self.width))
                self.zero = zero
                return
        elif self.zero and not self.minus and self.has_width:
            precision = self.width - (1 if negative or self.plus or self.space else 0)
        text = _in_base(magnitude, base, digits).rjust(precision, "0")
        if self.sharp:
            if base == 2:
                text = "0b" + text
            elif base == 8 and text[0] != "0":
                text = "0" + text
            elif base == 16:
                text = "0" + digits[16] + text
        if verb == "O":
            text = "0o" + text
        if negative:
            text = "-" + text
        elif self.plus:
            text = "+" + text
        elif self.space:
            text = " " + text
        self.pad_unzeroed(text)

    def fmt_float(self, value: float, verb: str, precision: int) -> None:
        """Go's `fmt.fmtFloat`: strconv's digits, then sign, `#` and zero padding."""
        if self.has_precision:
            precision = self.precision
        number = format_float(value, verb, precision)
        number = number if number[0] in "+-" else "+" + number
        if self.space and number[0] == "+" and not self.plus:
            number = " " + number[1:]
        if number[1] in "IN":
            if number[1] == "N" and not self.space and not self.plus:
                number = number[1:]
            self.pad_unzeroed(number)
            return
        if self.sharp and verb != "b":
            number = _sharp_float(number, verb, precision)
        if self.plus or number[0] != "+":
            if self.zero and not self.minus and self.has_width and self.width > len(number):
                self.out.append(number[0] + self.padding(self.width - len(number)) + number[1:])
                return
            self.pad(number)
            return
        self.pad(number[1:])

    def fmt_0x64(self, value: int, leading_0x: bool) -> None:
        """Go's `fmt0x64`: hex with or without 0x."""
        sharp, self.sharp = self.sharp, leading_0x
        self.fmt_integer(value, 16, "v", LOWER_DIGITS)
        self.sharp = sharp


def _in_base(value: int, base: int, digits: str) -> str:
    if base == 10:
        return str(value)
    out = []
    while value >= base:
        out.append(digits[value % base])
        value //= base
    out.append(digits[value])
    return "".join(reversed(out))


def rune_of(code: int) -> str:
    """Go's `rune(c)` as fmt writes it: U+FFFD for what is not a valid code point."""
    if code > MAX_RUNE or code < 0 or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return chr(code)


def _can_backquote(text: str) -> bool:
    """Go's `strconv.CanBackquote`."""
    for char in text:
        if char == "\ufeff":
            return False
        if (char < " " and char != "\t") or char in "`\x7f":
            return False
    return True


def _sharp_float(number: str, verb: str, precision: int) -> str:
    """fmt's `%#` for floats: always a decimal point, and `%#g` keeps trailing zeros."""
    digits = (6 if precision == -1 else precision) if verb in "vgGx" else 0
    tail = ""
    has_point = False
    seen_nonzero = False
    i = 1
    while i < len(number):
        char = number[i]
        if char == ".":
            has_point = True
        elif char in "pP" or (char in "eE" and verb not in "xX"):
            number, tail = number[:i], number[i:]
            break
        else:
            seen_nonzero = seen_nonzero or char != "0"
            if seen_nonzero:
                digits -= 1
        i += 1
    if not has_point:
        if len(number) == 2 and number[1] == "0":
            digits -= 1
        number += "."
    return number + "0" * max(digits, 0) + tail
