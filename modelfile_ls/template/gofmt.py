"""Go's `fmt` printing of template values: `Sprint`, `Sprintln` and `Sprintf`.

A port of Go's fmt (print.go's `doPrintf`, `printArg`, `printValue`, `badVerb` and
format.go's padding and number formatting) over the values a template sees: strings, bools,
ints, float64, complex128, slices, maps (in key order), structs, pointers, interfaces and
`String()` methods (Ollama's tool lists and argument maps print as JSON). Flags, widths and
precisions (`*` and `%[n]` included) and Go's error forms (`%!d(string=x)`, `%!v(MISSING)`,
`%!(EXTRA ...)`, `%!(BADINDEX)`) are Go's.
"""

from __future__ import annotations

from typing import Any

from modelfile_ls.template.goformat import LOWER_DIGITS, UPPER_DIGITS, Formatter
from modelfile_ls.template.govalues import (
    Byte,
    GoMap,
    GoPtr,
    GoSlice,
    GoStruct,
    GoType,
    Iface,
    type_of,
    unwrap,
)

# Where Go prints a pointer nested inside another value it prints the address, which differs
# on every run; this stands in for it.
POINTER_ADDRESS = "0xc000010000"
_ADDRESS = int(POINTER_ADDRESS, 16)
_WORD = (1 << 64) - 1
_BASES = {"b": 2, "o": 8, "O": 8, "x": 16, "X": 16}
"""The integer verbs other than `d` and their bases."""
_TOO_LARGE = 1_000_000  # fmt's `tooLarge`: the largest width or precision it takes
_METHOD_VERBS = frozenset("vsxXq")  # the verbs `handleMethods` calls String() for


class _Printer(Formatter):
    """Go's `pp`: prints operands by kind, through `Formatter`'s flags."""

    def __init__(self) -> None:
        super().__init__()
        self.erroring = False
        self.reordered = False  # an explicit `[n]` index was written: no `%!(EXTRA ...)`
        self.good_arg_number = True  # the current verb's `[n]` indexes are usable

    def bad_verb(self, verb: str, value: Any, invalid: bool = False) -> None:
        """Go's `badVerb`: `%!verb(type=value)`, the value printed with the same flags."""
        self.erroring = True
        self.out.append(f"%!{verb}(")
        if invalid or value is None:
            self.out.append("<nil>")
        else:
            self.out.append(type_of(value).name + "=")
            self.print_arg(value, "v")
        self.out.append(")")
        self.erroring = False

    def fmt_pointer(self, value: Any, verb: str) -> None:
        """Go's `fmtPointer`: a pointer, slice or map's address (nil: 0)."""
        if not isinstance(value, GoPtr | GoSlice | GoMap):
            self.bad_verb(verb, value)
            return
        empty = (
            value.target is None
            if isinstance(value, GoPtr)
            else (value.items if isinstance(value, GoSlice) else value.entries) is None
        )
        address = 0 if empty else _ADDRESS
        if verb == "v" and self.sharp_v:
            self.out.append(f"({value.type.name})(" + ("nil" if empty else POINTER_ADDRESS) + ")")
        elif verb == "v" and empty:
            self.pad("<nil>")
        elif verb in "vp":
            self.fmt_0x64(address, not self.sharp)
        elif verb in "bodxX":
            self.fmt_number(address, verb, value)
        else:
            self.bad_verb(verb, value)

    def fmt_number(self, value: int, verb: str, operand: Any, unsigned: bool = False) -> None:
        """Go's `pp.fmtInteger`: an integer in the verb's base, or as a rune."""
        if unsigned or verb in "cqU":
            value &= _WORD  # Go converts to uint64 first
        if verb == "v" and self.sharp_v and unsigned:
            self.fmt_0x64(value, True)
        elif verb in "vd":
            self.fmt_integer(value, 10, verb, LOWER_DIGITS)
        elif verb in _BASES:
            digits = UPPER_DIGITS if verb == "X" else LOWER_DIGITS
            self.fmt_integer(value, _BASES[verb], verb, digits)
        elif verb == "c":
            self.fmt_c(value)
        elif verb == "q":
            self.fmt_qc(value)
        elif verb == "U":
            self.fmt_unicode(value)
        else:
            self.bad_verb(verb, operand)

    def fmt_float_verb(self, value: float, verb: str) -> None:
        """Go's `pp.fmtFloat`: which formats each verb asks of strconv."""
        if verb == "v":
            self.fmt_float(value, "g", -1)
        elif verb in "bgGxX":
            self.fmt_float(value, verb, -1)
        elif verb in "feE":
            self.fmt_float(value, verb, 6)
        elif verb == "F":
            self.fmt_float(value, "f", 6)
        else:
            self.bad_verb(verb, value)

    def fmt_complex(self, value: complex, verb: str) -> None:
        """Go's `fmtComplex`: `(real+imagi)`, each part with the verb."""
        if verb not in "vbgGxXfFeE":
            self.bad_verb(verb, value)
            return
        plus = self.plus
        self.out.append("(")
        self.fmt_float_verb(value.real, verb)
        self.plus = True
        self.fmt_float_verb(value.imag, verb)
        self.out.append("i)")
        self.plus = plus

    def fmt_string(self, text: str, verb: str, operand: Any) -> None:
        """Go's `pp.fmtString`."""
        if verb == "v" and self.sharp_v:
            self.fmt_q(text)
        elif verb in "vs":
            self.fmt_s(text)
        elif verb in "xX":
            self.fmt_sx(text.encode(), UPPER_DIGITS if verb == "X" else LOWER_DIGITS)
        elif verb == "q":
            self.fmt_q(text)
        else:
            self.bad_verb(verb, operand)

    def handle_methods(self, value: Any, verb: str) -> bool:
        """Go's `handleMethods`: a `String()` method prints the value, for v s x X q."""
        if self.erroring or self.sharp_v or verb not in _METHOD_VERBS:
            return False
        stringer = type_of(value).stringer
        if stringer is None:
            return False
        self.fmt_string(stringer(value), verb, value)
        return True

    def print_arg(self, arg: Any, verb: str) -> None:
        """Go's `printArg`: one operand (fmt receives an interface's dynamic value)."""
        arg = unwrap(arg)
        if arg is None:
            if verb in "Tv":
                self.pad("<nil>")
            else:
                self.bad_verb(verb, None)
            return
        if verb == "T":
            self.fmt_s(type_of(arg).name)
        elif verb == "p":
            self.fmt_pointer(arg, "p")
        elif not self.print_basic(arg, verb) and not self.handle_methods(arg, verb):
            self.print_value(arg, verb, 0)

    def print_basic(self, value: Any, verb: str) -> bool:
        """The fast cases of `printArg`: bools, numbers and strings."""
        if isinstance(value, bool):
            if verb in "tv":
                self.pad("true" if value else "false")
            else:
                self.bad_verb(verb, value)
        elif isinstance(value, int):
            self.fmt_number(value, verb, value, unsigned=isinstance(value, Byte))
        elif isinstance(value, float):
            self.fmt_float_verb(value, verb)
        elif isinstance(value, complex):
            self.fmt_complex(value, verb)
        elif isinstance(value, str):
            self.fmt_string(value, verb, value)
        else:
            return False
        return True

    def print_value(self, value: Any, verb: str, depth: int) -> None:
        """Go's `printValue`: composite values, their elements with the same verb."""
        if depth > 0 and value is not None and self.handle_methods(value, verb):
            return
        if value is None:
            if depth == 0:
                self.out.append("<invalid reflect.Value>")
            elif verb == "v":
                self.out.append("<nil>")
            else:
                self.bad_verb(verb, None, invalid=True)
        elif isinstance(value, GoSlice):
            self.print_slice(value, verb, depth)
        elif isinstance(value, GoMap):
            self.print_map(value, verb, depth)
        elif isinstance(value, GoStruct):
            self.out.append(value.type.name + "{" if self.sharp_v else "{")
            for index, (name, field_type, _) in enumerate(value.type.fields):
                if index > 0:
                    self.out.append(", " if self.sharp_v else " ")
                if self.plus_v or self.sharp_v:
                    self.out.append(name + ":")
                self.print_element(value.values[name], field_type, verb, depth + 1)
            self.out.append("}")
        elif isinstance(value, Iface):
            if value.value is None:
                self.out.append(value.type.name + "(nil)" if self.sharp_v else "<nil>")
            else:
                self.print_value(value.value, verb, depth + 1)
        elif isinstance(value, GoPtr):
            if depth == 0 and value.target is not None:
                self.out.append("&")
                self.print_value(value.target, verb, depth + 1)
            else:
                self.fmt_pointer(value, verb)
        elif not self.print_basic(value, verb):
            self.out.append(f"?{type_of(value).name}?")

    def print_slice(self, value: GoSlice, verb: str, depth: int) -> None:
        """A slice: bytes as text for s q x X, else `[a b]` (`%#v`: `T{a, b}`)."""
        items = value.items or []
        element = value.type.elem
        if verb in "sqxX" and element is not None and element.name == "uint8":
            data = bytes(items)
            if verb == "s":
                self.pad(self.truncated(data.decode(errors="replace")))
            elif verb == "q":
                self.fmt_q(data.decode(errors="replace"))
            else:
                self.fmt_sx(data, UPPER_DIGITS if verb == "X" else LOWER_DIGITS)
            return
        if self.sharp_v:
            self.out.append(value.type.name)
            if value.items is None:
                self.out.append("(nil)")
                return
            self.out.append("{")
        else:
            self.out.append("[")
        for index, item in enumerate(items):
            if index > 0:
                self.out.append(", " if self.sharp_v else " ")
            self.print_element(item, element, verb, depth + 1)
        self.out.append("}" if self.sharp_v else "]")

    def print_element(self, item: Any, element: GoType | None, verb: str, depth: int) -> None:
        """An element of a slice, map or struct: a nil in an interface slot (a JSON null) prints
        as `<nil>` whatever the verb."""
        if item is None and element is not None and element.kind == "interface":
            self.print_value(Iface(None, element), verb, depth)
        else:
            self.print_value(item, verb, depth)

    def print_map(self, value: GoMap, verb: str, depth: int) -> None:
        """A map: `map[k:v ...]` in key order (`%#v`: `T{k:v, ...}`)."""
        if self.sharp_v:
            self.out.append(value.type.name)
            if value.entries is None:
                self.out.append("(nil)")
                return
            self.out.append("{")
        else:
            self.out.append("map[")
        entries = value.entries or {}
        for index, key in enumerate(sorted(entries)):
            if index > 0:
                self.out.append(", " if self.sharp_v else " ")
            self.print_value(key, verb, depth + 1)
            self.out.append(":")
            self.print_element(entries[key], value.type.elem, verb, depth + 1)
        self.out.append("}" if self.sharp_v else "]")

    def arg_number(
        self, template: str, i: int, arg_number: int, count: int
    ) -> tuple[int, int, bool]:
        """Go's `argNumber`: an explicit `[n]` index at `i`: (argument, next i, whether one
        was found); a written index marks the operands reordered, a bad one the verb."""
        if i >= len(template) or template[i] != "[":
            return arg_number, i, False
        self.reordered = True
        # Go's `parseArgNumber`: a closing bracket with only digits before it.
        closing = template.find("]", i + 1)
        if len(template) - i < 3 or closing < 0:
            self.good_arg_number = False
            return arg_number, i + 1, False
        number, present, after = _parse_number(template, i + 1, closing)
        if not present or after != closing:
            self.good_arg_number = False
            return arg_number, closing + 1, False
        if 0 <= number - 1 < count:
            return number - 1, closing + 1, True
        self.good_arg_number = False
        return arg_number, closing + 1, True

    def do_printf(self, template: str, args: list[Any]) -> None:
        """Go's `doPrintf`."""
        end = len(template)
        arg_number = 0
        self.reordered = False
        i = 0
        while i < end:
            self.good_arg_number = True
            found = template.find("%", i)
            if found < 0:
                self.out.append(template[i:])
                break
            self.out.append(template[i:found])
            i = found + 1
            self.clear_flags()
            while i < end and template[i] in "#0+- ":
                flag = template[i]
                if flag == "#":
                    self.sharp = True
                elif flag == "0":
                    self.zero = True
                elif flag == "+":
                    self.plus = True
                elif flag == "-":
                    self.minus = True
                else:
                    self.space = True
                i += 1
            arg_number, i, after_index = self.arg_number(template, i, arg_number, len(args))
            if i < end and template[i] == "*":
                i += 1
                self.width, self.has_width, arg_number = _int_from_arg(args, arg_number)
                if not self.has_width:
                    self.out.append("%!(BADWIDTH)")
                if self.width < 0:
                    self.width, self.minus, self.zero = -self.width, True, False
                after_index = False
            else:
                self.width, self.has_width, i = _parse_number(template, i, end)
                if after_index and self.has_width:  # "%[3]2d"
                    self.good_arg_number = False
            if i + 1 < end and template[i] == ".":
                i += 1
                if after_index:  # "%[3].2d"
                    self.good_arg_number = False
                arg_number, i, after_index = self.arg_number(template, i, arg_number, len(args))
                if i < end and template[i] == "*":
                    i += 1
                    self.precision, self.has_precision, arg_number = _int_from_arg(args, arg_number)
                    if self.precision < 0:
                        self.precision, self.has_precision = 0, False
                    if not self.has_precision:
                        self.out.append("%!(BADPREC)")
                    after_index = False
                else:
                    self.precision, self.has_precision, i = _parse_number(template, i, end)
                    if not self.has_precision:
                        self.precision, self.has_precision = 0, True
            if not after_index:
                arg_number, i, after_index = self.arg_number(template, i, arg_number, len(args))
            if i >= end:
                self.out.append("%!(NOVERB)")
                break
            verb = template[i]
            i += 1
            if verb == "%":
                self.out.append("%")
            elif not self.good_arg_number:
                self.out.append(f"%!{verb}(BADINDEX)")
            elif arg_number >= len(args):
                self.out.append(f"%!{verb}(MISSING)")
            else:
                if verb == "v":
                    self.sharp_v, self.sharp = self.sharp, False
                    self.plus_v, self.plus = self.plus, False
                self.print_arg(args[arg_number], verb)
                arg_number += 1
        if not self.reordered and arg_number < len(args):
            self.clear_flags()
            self.out.append("%!(EXTRA ")
            for index, arg in enumerate(args[arg_number:]):
                if index > 0:
                    self.out.append(", ")
                dynamic = unwrap(arg)
                if dynamic is None:
                    self.out.append("<nil>")
                else:
                    self.out.append(type_of(dynamic).name + "=")
                    self.print_arg(dynamic, "v")
            self.out.append(")")


def _parse_number(template: str, start: int, end: int) -> tuple[int, bool, int]:
    """Go's `parsenum`: the decimal number at `start` (none past `end` or too large)."""
    if start >= end:
        return 0, False, end
    number, present, i = 0, False, start
    while i < end and "0" <= template[i] <= "9":
        if number > _TOO_LARGE:
            return 0, False, end
        number = number * 10 + int(template[i])
        present = True
        i += 1
    return number, present, i


def _int_from_arg(args: list[Any], arg_number: int) -> tuple[int, bool, int]:
    """Go's `intFromArg`: a `*` width or precision taken from an int operand."""
    if arg_number >= len(args):
        return 0, False, arg_number
    value = args[arg_number]
    value = unwrap(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) <= _TOO_LARGE:
        return value, True, arg_number + 1
    return 0, False, arg_number + 1


def print_value(value: Any) -> str:
    """Go's `%v` of a value (`fmt.Sprint` of it alone)."""
    printer = _Printer()
    printer.print_arg(value, "v")
    return "".join(printer.out)


def _is_string(value: Any) -> bool:
    return isinstance(unwrap(value), str)


def sprint(args: list[Any]) -> str:
    """`fmt.Sprint`: spaces between operands when neither side is a string."""
    printer = _Printer()
    for index, arg in enumerate(args):
        if index > 0 and not _is_string(arg) and not _is_string(args[index - 1]):
            printer.out.append(" ")
        printer.print_arg(arg, "v")
    return "".join(printer.out)


def sprintln(args: list[Any]) -> str:
    """`fmt.Sprintln`: operands separated by spaces, then a newline."""
    printer = _Printer()
    for index, arg in enumerate(args):
        if index > 0:
            printer.out.append(" ")
        printer.print_arg(arg, "v")
    return "".join(printer.out) + "\n"


def sprintf(template: str, args: list[Any]) -> str:
    """`fmt.Sprintf`."""
    printer = _Printer()
    printer.do_printf(template, args)
    return "".join(printer.out)
