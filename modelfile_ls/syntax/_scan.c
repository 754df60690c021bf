/* The lexer's fast path in C: runs of "simple" instruction lines (see syntax/lexer.py).

A simple line is what the lexer's `_SIMPLE` pattern describes: optional blank runes, a known
keyword other than PARAMETER and MESSAGE followed by one space or tab, or PARAMETER, one
separator, a name of [A-Za-z0-9_] and one separator, or MESSAGE, one separator, a role
(exactly one of `roles`) and one separator; then a value of printable ASCII, tabs and runes
the lexer knows to be Go-printable (`kept`) that does not start with a quote, up to the line
break or the end of the text. Nothing in such a line is dropped or unquoted, so the trimmed
text is the value. A value that opens with `"` or `"""` is simple too when every line it spans,
up to the one that closes it, holds only such runes and ends by LF: nothing in it is dropped
either, so Ollama's value is the text
between the quotes (a few-shot file's `MESSAGE assistant """...` over two lines, a
`PARAMETER stop "<|eot_id|>"`). Either way the instruction is what the lexer's rune-by-rune
path makes of it, and tests/syntax/test_scan_fast_path.py holds the two equal.

`scan_simple(text, pos, out, types, keywords, roles[, kept])` (types: Span, Value, Instruction
and Quoting.NONE, DOUBLE and TRIPLE; keywords: the other keywords, upper case; roles: the
message roles; kept: a bytearray with a bit set for each rune above ASCII known to be
Go-printable, which a simple value may then hold too) appends an Instruction for each simple line from `pos` on and returns where it stopped:
at the blanks before the first line that is not simple (or at the end of the text), which the
Python scanner then reads its own way.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

static int is_letter(Py_UCS4 c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

static int is_name_char(Py_UCS4 c) {
    return is_letter(c) || (c >= '0' && c <= '9') || c == '_';
}

static int is_separator(Py_UCS4 c) { return c == ' ' || c == '\t'; }

static int is_blank(Py_UCS4 c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* The runes a value may hold: tab and printable ASCII (the value pattern's [\t -~]). */
static int is_value_char(Py_UCS4 c) { return c == '\t' || (c >= 0x20 && c <= 0x7e); }

/* The runes a simple value may hold: tab, printable ASCII, and the runes above ASCII that the
lexer has already found Go-printable (`kept`, a bit per code point, bit c % 8 of byte c / 8;
NULL for none). Nothing in such a value is dropped, so it is read as an ASCII one is. */
typedef struct {
    const unsigned char *bits;
    Py_ssize_t size;
} Kept;

/* The bits of a `kept` bytearray argument (NULL: none). Read, never resized: nothing in a
call that reads them runs Python code that could change them. */
static Kept kept_of(PyObject *map) {
    Kept kept = {NULL, 0};
    if (map != NULL) {
        kept.bits = (const unsigned char *)PyByteArray_AS_STRING(map);
        kept.size = PyByteArray_GET_SIZE(map);
    }
    return kept;
}

static int is_simple_value_char(Py_UCS4 c, Kept kept) {
    if (c < 0x80) {
        return is_value_char(c);
    }
    return kept.bits != NULL && (Py_ssize_t)(c >> 3) < kept.size &&
           (kept.bits[c >> 3] >> (c & 7)) & 1;
}

/* Does text[start:end] equal `word` (lower case ASCII) ignoring ASCII case? */
static int equals_folded(int kind, const void *data, Py_ssize_t start, Py_ssize_t end,
                         const char *word) {
    Py_ssize_t i = 0;
    for (; start + i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, start + i);
        if (word[i] == '\0') {
            return 0;
        }
        if (c >= 'A' && c <= 'Z') {
            c += 'a' - 'A';
        }
        if (c != (Py_UCS4)(unsigned char)word[i]) {
            return 0;
        }
    }
    return word[i] == '\0';
}

/* A NamedTuple instance (a tuple subclass) holding `n` new references; NULL on failure, with
the references released. */
/* Does text[start:end] equal `word`? */
static int equals_exactly(int kind, const void *data, Py_ssize_t start, Py_ssize_t end,
                          PyObject *word) {
    if (!PyUnicode_Check(word) || PyUnicode_GET_LENGTH(word) != end - start) {
        return 0;
    }
    const int word_kind = PyUnicode_KIND(word);
    const void *word_data = PyUnicode_DATA(word);
    for (Py_ssize_t i = 0; i < end - start; i++) {
        if (PyUnicode_READ(kind, data, start + i) != PyUnicode_READ(word_kind, word_data, i)) {
            return 0;
        }
    }
    return 1;
}

/* Does text[start:end] equal the upper case ASCII `keyword` ignoring ASCII case? */
static int equals_keyword(int kind, const void *data, Py_ssize_t start, Py_ssize_t end,
                          PyObject *keyword) {
    if (!PyUnicode_Check(keyword) || PyUnicode_GET_LENGTH(keyword) != end - start) {
        return 0;
    }
    const int keyword_kind = PyUnicode_KIND(keyword);
    const void *keyword_data = PyUnicode_DATA(keyword);
    for (Py_ssize_t i = 0; i < end - start; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, start + i);
        if (c >= 'a' && c <= 'z') {
            c -= 'a' - 'A';
        }
        if (c != PyUnicode_READ(keyword_kind, keyword_data, i)) {
            return 0;
        }
    }
    return 1;
}

static PyObject *new_ref(PyObject *object) {
    Py_INCREF(object);
    return object;
}

static PyObject *new_tuple(PyTypeObject *type, Py_ssize_t n, PyObject **items) {
    PyObject *tuple = type->tp_alloc(type, n);
    if (tuple == NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_XDECREF(items[i]);
        }
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (items[i] == NULL) {
            /* An allocation failed while the items were made. */
            for (Py_ssize_t j = i + 1; j < n; j++) {
                Py_XDECREF(items[j]);
            }
            Py_DECREF(tuple);
            return NULL;
        }
        PyTuple_SET_ITEM(tuple, i, items[i]);
    }
    return tuple;
}

/* The offsets of one instruction, each made into an int once: its spans share their ends
(the instruction's and its keyword's start, the value's and the instruction's end), and a
10 MB file's hundreds of thousands of instructions are most of its check's memory. */
#define MAX_OFFSETS 12
typedef struct {
    Py_ssize_t at[MAX_OFFSETS];
    PyObject *made[MAX_OFFSETS];
    int count;
} Offsets;

static PyObject *offset(Offsets *offsets, Py_ssize_t at) {
    for (int i = 0; i < offsets->count; i++) {
        if (offsets->at[i] == at) {
            return new_ref(offsets->made[i]);
        }
    }
    PyObject *made = PyLong_FromSsize_t(at);
    if (made != NULL && offsets->count < MAX_OFFSETS) {
        offsets->at[offsets->count] = at;
        offsets->made[offsets->count++] = new_ref(made);
    }
    return made;
}

static void forget_offsets(Offsets *offsets) {
    for (int i = 0; i < offsets->count; i++) {
        Py_DECREF(offsets->made[i]);
    }
    offsets->count = 0;
}

static PyObject *new_span(PyTypeObject *span, Offsets *offsets, Py_ssize_t start,
                          Py_ssize_t end) {
    PyObject *items[2] = {offset(offsets, start), offset(offsets, end)};
    return new_tuple(span, 2, items);
}

/* text[start:end], one object for all equal ones when `shared` (interned): a few-shot file
sets the same few parameters to the same values thousands of times, and the rules that key
on a PARAMETER's name and value then hash and compare one string, not thousands. */
static PyObject *value_text(PyObject *text, Py_ssize_t start, Py_ssize_t end, int shared) {
    PyObject *made = PyUnicode_Substring(text, start, end);
    if (made != NULL && shared) {
        PyUnicode_InternInPlace(&made);
    }
    return made;
}

/* The Value of a line's unquoted value: [value_start, end) as written, its content
[content_start, content_end) with the separators around it trimmed. */
static PyObject *plain_value(PyObject *text, PyTypeObject *span_type, PyTypeObject *value_type,
                             Offsets *offsets, Py_ssize_t value_start, Py_ssize_t content_start,
                             Py_ssize_t content_end, Py_ssize_t end, PyObject *quoting_none,
                             int shared) {
    PyObject *value_span = new_span(span_type, offsets, value_start, end);
    PyObject *content_span;
    PyObject *content;
    if (content_end == content_start) {
        content = PyUnicode_New(0, 0);
        content_span = new_span(span_type, offsets, end, end);
    } else {
        content = value_text(text, content_start, content_end, shared);
        /* Usually the value itself (no separators around it): one object for both. */
        content_span = content_start == value_start && content_end == end && value_span
                           ? new_ref(value_span)
                           : new_span(span_type, offsets, content_start, content_end);
    }
    PyObject *items[6] = {value_span,   content,          new_ref(quoting_none),
                          content_span, new_ref(Py_None), new_ref(Py_None)};
    return new_tuple(value_type, 6, items);
}

/* The number of quotes that open a value at `open`: 3 for `"""`, else 1. */
static Py_ssize_t delimiter_size(int kind, const void *data, Py_ssize_t length, Py_ssize_t open) {
    return open + 2 < length && PyUnicode_READ(kind, data, open + 1) == '"' &&
                   PyUnicode_READ(kind, data, open + 2) == '"'
               ? 3
               : 1;
}

/* Whether the `size` runes before `at` are quotes. */
static int quotes_before(int kind, const void *data, Py_ssize_t at, Py_ssize_t size) {
    for (Py_ssize_t i = at - size; i < at; i++) {
        if (PyUnicode_READ(kind, data, i) != '"') {
            return 0;
        }
    }
    return 1;
}

/* Where a value opened at `open` by a delimiter of `size` quotes ends, as Ollama reads it: at
the end of the first line, from the opening quote on, that ends (separators trimmed) with the
delimiter, the first line only when it is at least two delimiters long (`""` and `""""""` are
empty values); `*close_end` is set to where that line's delimiter ends. -1 when a line on the
way holds a rune that is not a simple value's or ends with CR, or the text ends first: the
Python scanner then reads the value (it drops invisible runes before matching the delimiter
and reports an unterminated quote). */
static Py_ssize_t quoted_value_end(int kind, const void *data, Py_ssize_t length,
                                   Py_ssize_t open, Py_ssize_t size, Py_ssize_t *close_end,
                                   Kept kept) {
    Py_ssize_t line_start = open;
    Py_ssize_t minimum = 2 * size;
    Py_ssize_t p = open;
    while (1) {
        Py_ssize_t trimmed_end = line_start;
        while (p < length) {
            Py_UCS4 c = PyUnicode_READ(kind, data, p);
            if (c == '\n') {
                break;
            }
            if (!is_simple_value_char(c, kept)) {
                return -1;
            }
            p++;
            if (!is_separator(c)) {
                trimmed_end = p;
            }
        }
        if (trimmed_end - line_start >= minimum && quotes_before(kind, data, trimmed_end, size)) {
            *close_end = trimmed_end;
            return p;
        }
        if (p >= length) {
            return -1;
        }
        p++;
        line_start = p;
        minimum = size;
    }
}

/* The Value of a closed quoted value: [value_start, end) as written, opened at `open` by a
delimiter of `size` quotes and closed by the one that ends at `close_end`; its text is what
lies between them. */
static PyObject *quoted_value(PyObject *text, PyTypeObject *span_type, PyTypeObject *value_type,
                              Offsets *offsets, Py_ssize_t value_start, Py_ssize_t open,
                              Py_ssize_t size, Py_ssize_t close_end, Py_ssize_t end,
                              PyObject *quoting_double, PyObject *quoting_triple, int shared) {
    const Py_ssize_t close = close_end - size;
    PyObject *items[6] = {new_span(span_type, offsets, value_start, end),
                          value_text(text, open + size, close, shared),
                          new_ref(size == 3 ? quoting_triple : quoting_double),
                          new_span(span_type, offsets, open + size, close),
                          new_span(span_type, offsets, open, open + size),
                          new_span(span_type, offsets, close, close_end)};
    return new_tuple(value_type, 6, items);
}

static PyObject *scan_simple(PyObject *module, PyObject *args) {
    PyObject *text, *out, *keywords, *roles, *kept_map = NULL;
    PyTypeObject *span_type, *value_type, *instruction_type;
    PyObject *quoting_none, *quoting_double, *quoting_triple;
    Py_ssize_t pos;
    (void)module;
    if (!PyArg_ParseTuple(args, "UnO!(O!O!O!OOO)O!O!|O!", &text, &pos, &PyList_Type, &out,
                          &PyType_Type, &span_type, &PyType_Type, &value_type, &PyType_Type,
                          &instruction_type, &quoting_none, &quoting_double, &quoting_triple,
                          &PyTuple_Type, &keywords, &PyTuple_Type, &roles, &PyByteArray_Type,
                          &kept_map)) {
        return NULL;
    }
    const Kept kept = kept_of(kept_map);
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    static PyObject *parameter_keyword = NULL, *message_keyword = NULL;
    if (parameter_keyword == NULL) {
        parameter_keyword = PyUnicode_InternFromString("PARAMETER");
        message_keyword = PyUnicode_InternFromString("MESSAGE");
        if (parameter_keyword == NULL || message_keyword == NULL) {
            return NULL;
        }
    }

    while (1) {
        Py_ssize_t p = pos;
        while (p < length && is_blank(PyUnicode_READ(kind, data, p))) {
            p++;
        }
        const Py_ssize_t start = p;
        while (p < length && is_letter(PyUnicode_READ(kind, data, p))) {
            p++;
        }
        const Py_ssize_t word_end = p;
        if (word_end == start || p >= length || !is_separator(PyUnicode_READ(kind, data, p))) {
            break;
        }
        p++;
        PyObject *keyword = NULL, *role = NULL;
        Py_ssize_t name_start = -1, name_end = -1, role_start = -1, role_end = -1;
        if (equals_folded(kind, data, start, word_end, "parameter")) {
            name_start = p;
            while (p < length && is_name_char(PyUnicode_READ(kind, data, p))) {
                p++;
            }
            name_end = p;
            if (name_end == name_start || p >= length ||
                !is_separator(PyUnicode_READ(kind, data, p))) {
                break;
            }
            p++;
        } else if (equals_folded(kind, data, start, word_end, "message")) {
            role_start = p;
            while (p < length && is_letter(PyUnicode_READ(kind, data, p))) {
                p++;
            }
            role_end = p;
            /* The role is one of `roles` exactly (case matters) and followed by one
            separator. */
            for (Py_ssize_t r = 0; r < PyTuple_GET_SIZE(roles) && role == NULL; r++) {
                PyObject *candidate = PyTuple_GET_ITEM(roles, r);
                if (equals_exactly(kind, data, role_start, role_end, candidate)) {
                    role = candidate;
                }
            }
            if (role == NULL || p >= length || !is_separator(PyUnicode_READ(kind, data, p))) {
                break;
            }
            p++;
        } else {
            /* Any other known keyword; `keywords` holds them upper case. */
            for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(keywords) && keyword == NULL; k++) {
                PyObject *candidate = PyTuple_GET_ITEM(keywords, k);
                if (equals_keyword(kind, data, start, word_end, candidate)) {
                    keyword = candidate;
                }
            }
            if (keyword == NULL) {
                break;
            }
        }
        /* The value: separators, then a quoted value, or a simple value's runes up to the
        line's end, whose content ends at the last rune that is not a separator. */
        const Py_ssize_t value_start = p;
        while (p < length && is_separator(PyUnicode_READ(kind, data, p))) {
            p++;
        }
        const Py_ssize_t content_start = p;
        Offsets offsets = {.count = 0};
        PyObject *value;
        if (p < length && PyUnicode_READ(kind, data, p) == '"') {
            const Py_ssize_t size = delimiter_size(kind, data, length, content_start);
            Py_ssize_t close_end = 0;
            const Py_ssize_t end =
                quoted_value_end(kind, data, length, content_start, size, &close_end, kept);
            if (end < 0) {
                break;
            }
            value = quoted_value(text, span_type, value_type, &offsets, value_start,
                                 content_start, size, close_end, end, quoting_double,
                                 quoting_triple, name_start >= 0);
            p = end;
        } else {
            Py_ssize_t content_end = p;
            int simple = 1;
            while (p < length) {
                Py_UCS4 c = PyUnicode_READ(kind, data, p);
                if (c == '\r' || c == '\n') {
                    break;
                }
                if (!is_simple_value_char(c, kept)) {
                    simple = 0;
                    break;
                }
                p++;
                if (!is_separator(c)) {
                    content_end = p;
                }
            }
            if (!simple) {
                break;
            }
            value = plain_value(text, span_type, value_type, &offsets, value_start,
                                content_start, content_end, p, quoting_none,
                                name_start >= 0);
        }
        const Py_ssize_t end = p;
        PyObject *keyword_name, *name, *name_span, *role_name, *role_span;
        if (name_start >= 0) {
            keyword_name = new_ref(parameter_keyword);
            /* Interned: a few-shot file sets the same few names thousands of times. */
            name = PyUnicode_Substring(text, name_start, name_end);
            if (name != NULL) {
                PyUnicode_InternInPlace(&name);
            }
            name_span = new_span(span_type, &offsets, name_start, name_end);
        } else {
            keyword_name = new_ref(role != NULL ? message_keyword : keyword);
            name = new_ref(Py_None);
            name_span = new_ref(Py_None);
        }
        if (role != NULL) {
            role_name = new_ref(role);
            role_span = new_span(span_type, &offsets, role_start, role_end);
        } else {
            role_name = new_ref(Py_None);
            role_span = new_ref(Py_None);
        }
        /* The keyword as written is most often the keyword itself. */
        PyObject *written = equals_exactly(kind, data, start, word_end, keyword_name)
                                ? new_ref(keyword_name)
                                : PyUnicode_Substring(text, start, word_end);
        PyObject *items[10] = {keyword_name,
                               written,
                               new_span(span_type, &offsets, start, word_end),
                               new_span(span_type, &offsets, start, end),
                               value,
                               name,
                               name_span,
                               role_name,
                               role_span,
                               new_ref(Py_False)};
        PyObject *instruction = new_tuple(instruction_type, 10, items);
        forget_offsets(&offsets);
        if (instruction == NULL) {
            return NULL;
        }
        int failed = PyList_Append(out, instruction);
        Py_DECREF(instruction);
        if (failed) {
            return NULL;
        }
        pos = end;
    }
    return PyLong_FromSsize_t(pos);
}

/* Append an offset to a list of them; -1 with an exception set when that fails. */
static int append_offset(PyObject *out, Py_ssize_t at) {
    PyObject *made = PyLong_FromSsize_t(at);
    if (made == NULL) {
        return -1;
    }
    int failed = PyList_Append(out, made);
    Py_DECREF(made);
    return failed;
}

static PyObject *line_breaks(PyObject *module, PyObject *args) {
    PyObject *text;
    Py_ssize_t start, end;
    (void)module;
    if (!PyArg_ParseTuple(args, "Unn", &text, &start, &end)) {
        return NULL;
    }
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    if (start < 0) {
        start = 0;
    }
    if (end > length) {
        end = length;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    if (kind == PyUnicode_1BYTE_KIND && start < end &&
        memchr((const char *)data + start, '\r', (size_t)(end - start)) == NULL) {
        /* The usual text: LF alone ends lines, found by memchr. */
        const char *first = (const char *)data;
        const char *at = first + start, *stop = first + end;
        while ((at = memchr(at, '\n', (size_t)(stop - at))) != NULL) {
            at++;
            if (append_offset(out, at - first) < 0) {
                Py_DECREF(out);
                return NULL;
            }
            if (at >= stop) {
                break;
            }
        }
        return out;
    }
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c != '\n' && c != '\r') {
            continue;
        }
        /* CR LF is one break, when both are inside the range. */
        if (c == '\r' && i + 1 < end && PyUnicode_READ(kind, data, i + 1) == '\n') {
            i++;
        }
        if (append_offset(out, i + 1) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

/* The index of the last of `at[0..n)` (ascending, at[0] <= offset) that is <= offset, found
from `k`, the previous answer: forward by galloping, back by bisection. Offsets in order
(a report's findings) cost a step or two each instead of a bisection over every line. */
static Py_ssize_t line_from(const Py_ssize_t *at, Py_ssize_t n, Py_ssize_t k, Py_ssize_t offset) {
    Py_ssize_t low, high;
    if (offset < at[k]) {
        low = 0;
        high = k;
    } else {
        Py_ssize_t step = 1;
        low = k;
        high = k + 1;
        while (high < n && at[high] <= offset) {
            low = high;
            step *= 2;
            high = low + step;
        }
        if (high > n) {
            high = n;
        }
    }
    /* at[low] <= offset (or low == 0), and at[high] > offset (or high == n). */
    while (high - low > 1) {
        Py_ssize_t middle = low + (high - low) / 2;
        if (at[middle] <= offset) {
            low = middle;
        } else {
            high = middle;
        }
    }
    return low;
}

/* The line starts of a line index as C integers; NULL (an exception set) unless they are a
list of ints that begins with 0. */
static Py_ssize_t *line_starts(PyObject *starts, Py_ssize_t *n) {
    *n = PyList_GET_SIZE(starts);
    if (*n == 0 || PyLong_AsSsize_t(PyList_GET_ITEM(starts, 0)) != 0) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "line starts must begin with 0");
        }
        return NULL;
    }
    Py_ssize_t *at = PyMem_Malloc((size_t)*n * sizeof(Py_ssize_t));
    if (at == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < *n; i++) {
        at[i] = PyLong_AsSsize_t(PyList_GET_ITEM(starts, i));
        if (at[i] == -1 && PyErr_Occurred()) {
            PyMem_Free(at);
            return NULL;
        }
    }
    return at;
}

/* The line starts as C integers (`line_starts`) and `items` made fast (PySequence_Fast, in
`*fast`): what a pass over offsets or spans of a line index begins with; NULL (nothing held,
an exception set) on failure. */
static Py_ssize_t *begin_pass(PyObject *starts, PyObject *items, const char *message,
                              Py_ssize_t *n, PyObject **fast) {
    Py_ssize_t *at = line_starts(starts, n);
    if (at == NULL) {
        return NULL;
    }
    *fast = PySequence_Fast(items, message);
    if (*fast == NULL) {
        PyMem_Free(at);
        return NULL;
    }
    return at;
}

/* Reads a (start, end) tuple of ints; -1 with an exception set when it is not one. */
static int read_span(PyObject *span, Py_ssize_t *start, Py_ssize_t *end) {
    if (!PyTuple_Check(span) || PyTuple_GET_SIZE(span) != 2) {
        PyErr_SetString(PyExc_TypeError, "spans must be (start, end) tuples");
        return -1;
    }
    *start = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 0));
    *end = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 1));
    return PyErr_Occurred() ? -1 : 0;
}

/* An offset clamped into [0, length] (as `LineIndex.line_column` clamps it); -1 with an
exception set when it is not an int. */
static Py_ssize_t clamped_item(PyObject *item, Py_ssize_t length) {
    Py_ssize_t value = PyLong_AsSsize_t(item);
    if (value == -1 && PyErr_Occurred()) {
        return -1;
    }
    return value < 0 ? 0 : value > length ? length : value;
}

/* Sets `*line` and `*column` of `offset` (within the text), searching from line `*line`. */
static void locate(const Py_ssize_t *at, Py_ssize_t n, Py_ssize_t offset, Py_ssize_t *line,
                   Py_ssize_t *column) {
    *line = line_from(at, n, *line, offset);
    *column = offset - at[*line];
}

static PyObject *line_columns(PyObject *module, PyObject *args) {
    PyObject *starts, *offsets;
    Py_ssize_t length, base;
    (void)module;
    if (!PyArg_ParseTuple(args, "O!Onn", &PyList_Type, &starts, &offsets, &length, &base)) {
        return NULL;
    }
    Py_ssize_t n;
    PyObject *fast, *lines = NULL, *columns = NULL;
    Py_ssize_t *at = begin_pass(starts, offsets, "offsets must be a sequence of ints", &n, &fast);
    if (at == NULL) {
        return NULL;
    }
    const Py_ssize_t count = PySequence_Fast_GET_SIZE(fast);
    lines = PyList_New(count);
    columns = PyList_New(count);
    if (lines == NULL || columns == NULL) {
        goto failed;
    }
    Py_ssize_t line = 0, column;
    for (Py_ssize_t j = 0; j < count; j++) {
        Py_ssize_t offset = clamped_item(PySequence_Fast_GET_ITEM(fast, j), length);
        if (offset == -1) {
            goto failed;
        }
        locate(at, n, offset, &line, &column);
        PyObject *made_line = PyLong_FromSsize_t(line + base);
        if (made_line == NULL) {
            goto failed;
        }
        PyList_SET_ITEM(lines, j, made_line);
        PyObject *made_column = PyLong_FromSsize_t(column + base);
        if (made_column == NULL) {
            goto failed;
        }
        PyList_SET_ITEM(columns, j, made_column);
    }
    Py_DECREF(fast);
    PyMem_Free(at);
    PyObject *pair = PyTuple_Pack(2, lines, columns);
    Py_DECREF(lines);
    Py_DECREF(columns);
    return pair;
failed:
    Py_DECREF(fast);
    Py_XDECREF(lines);
    Py_XDECREF(columns);
    PyMem_Free(at);
    return NULL;
}

static PyObject *span_regions(PyObject *module, PyObject *args) {
    PyObject *starts, *spans;
    Py_ssize_t length;
    (void)module;
    if (!PyArg_ParseTuple(args, "O!On", &PyList_Type, &starts, &spans, &length)) {
        return NULL;
    }
    Py_ssize_t n;
    PyObject *fast;
    Py_ssize_t *at = begin_pass(starts, spans, "spans must be a sequence of (start, end) tuples",
                                &n, &fast);
    if (at == NULL) {
        return NULL;
    }
    const Py_ssize_t count = PySequence_Fast_GET_SIZE(fast);
    PyObject *out = PyList_New(count);
    if (out == NULL) {
        Py_DECREF(fast);
        PyMem_Free(at);
        return NULL;
    }
    Py_ssize_t line = 0, column, end_line, end_column;
    for (Py_ssize_t j = 0; j < count; j++) {
        Py_ssize_t start, end;
        if (read_span(PySequence_Fast_GET_ITEM(fast, j), &start, &end) < 0) {
            goto failed;
        }
        /* A zero-width (or reversed) span ends where it starts. */
        if (end <= start) {
            end = start;
        }
        start = start < 0 ? 0 : start > length ? length : start;
        end = end < 0 ? 0 : end > length ? length : end;
        locate(at, n, start, &line, &column);
        end_line = line;
        locate(at, n, end, &end_line, &end_column);
        PyObject *region = Py_BuildValue("(nnnn)", line + 1, column + 1, end_line + 1,
                                         end_column + 1);
        if (region == NULL) {
            goto failed;
        }
        PyList_SET_ITEM(out, j, region);
    }
    Py_DECREF(fast);
    PyMem_Free(at);
    return out;
failed:
    Py_DECREF(fast);
    PyMem_Free(at);
    Py_DECREF(out);
    return NULL;
}

static PyObject *whole_lines(PyObject *module, PyObject *args) {
    PyObject *starts, *text, *spans;
    PyTypeObject *make;
    (void)module;
    if (!PyArg_ParseTuple(args, "O!UOO!", &PyList_Type, &starts, &text, &spans, &PyType_Type,
                          &make)) {
        return NULL;
    }
    if (!PyType_IsSubtype(make, &PyTuple_Type)) {
        PyErr_SetString(PyExc_TypeError, "make must be a tuple type");
        return NULL;
    }
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    Py_ssize_t n;
    PyObject *fast, *out = NULL, *text_end = NULL;
    Py_ssize_t *at = begin_pass(starts, spans, "spans must be a sequence of (start, end) tuples",
                                &n, &fast);
    if (at == NULL) {
        return NULL;
    }
    const Py_ssize_t count = PySequence_Fast_GET_SIZE(fast);
    out = PyList_New(count);
    text_end = PyLong_FromSsize_t(length);
    if (out == NULL || text_end == NULL) {
        goto failed;
    }
    Py_ssize_t line = 0;
    for (Py_ssize_t j = 0; j < count; j++) {
        Py_ssize_t start, end;
        if (read_span(PySequence_Fast_GET_ITEM(fast, j), &start, &end) < 0) {
            goto failed;
        }
        if (start < 0 || end < start || end > length) {
            PyErr_SetString(PyExc_ValueError, "a span outside the text");
            goto failed;
        }
        const Py_ssize_t first = line = line_from(at, n, line, start);
        const Py_ssize_t last = line_from(at, n, first, end);
        PyObject *bounds[2];
        if (last + 1 < n) {
            /* The line starts' own ints: a delete fix per line of a 10 MB file makes none. */
            bounds[0] = new_ref(PyList_GET_ITEM(starts, first));
            bounds[1] = new_ref(PyList_GET_ITEM(starts, last + 1));
        } else if (first > 0) {
            /* On the last line, which no line break ends: from the end of the line before
            (before its CR LF, LF or CR), so that no empty line is left behind. */
            Py_ssize_t content_end = at[first];
            if (content_end > 0 && PyUnicode_READ(kind, data, content_end - 1) == '\n') {
                content_end--;
            }
            if (content_end > 0 && PyUnicode_READ(kind, data, content_end - 1) == '\r') {
                content_end--;
            }
            bounds[0] = PyLong_FromSsize_t(content_end);
            bounds[1] = new_ref(text_end);
        } else {
            bounds[0] = new_ref(PyList_GET_ITEM(starts, first));
            bounds[1] = new_ref(text_end);
        }
        PyObject *made = new_tuple(make, 2, bounds);
        if (made == NULL) {
            goto failed;
        }
        PyList_SET_ITEM(out, j, made);
    }
    Py_DECREF(fast);
    Py_DECREF(text_end);
    PyMem_Free(at);
    return out;
failed:
    Py_DECREF(fast);
    Py_XDECREF(out);
    Py_XDECREF(text_end);
    PyMem_Free(at);
    return NULL;
}

static PyObject *group_positions(PyObject *module, PyObject *args) {
    PyObject *keys, *skip;
    (void)module;
    if (!PyArg_ParseTuple(args, "OO", &keys, &skip)) {
        return NULL;
    }
    /* Iterated in step: a key and its skip flag are read from one instruction, which a 10 MB
    file's pass over its instructions then reads from cold memory once, not twice. */
    PyObject *key_items = PyObject_GetIter(keys);
    PyObject *skip_items = skip == Py_None ? NULL : PyObject_GetIter(skip);
    PyObject *out = PyDict_New();
    /* The list of the previous key: a document's instructions come in runs of one keyword. */
    PyObject *last_key = NULL, *last_list = NULL;
    PyObject *key;
    if (key_items == NULL || (skip != Py_None && skip_items == NULL) || out == NULL) {
        goto failed;
    }
    for (Py_ssize_t i = 0; (key = PyIter_Next(key_items)) != NULL; i++) {
        if (skip_items != NULL) {
            PyObject *flag = PyIter_Next(skip_items);
            int skipped = flag == NULL ? -1 : PyObject_IsTrue(flag);
            Py_XDECREF(flag);
            if (skipped < 0) {
                if (!PyErr_Occurred()) {
                    PyErr_SetString(PyExc_ValueError, "skip is shorter than keys");
                }
                Py_DECREF(key);
                goto failed;
            }
            if (skipped) {
                Py_DECREF(key);
                continue;
            }
        }
        PyObject *positions = key == last_key ? last_list : PyDict_GetItemWithError(out, key);
        if (positions == NULL) {
            if (PyErr_Occurred() || (positions = PyList_New(0)) == NULL) {
                Py_DECREF(key);
                goto failed;
            }
            int stored = PyDict_SetItem(out, key, positions);
            Py_DECREF(positions);
            if (stored < 0) {
                Py_DECREF(key);
                goto failed;
            }
        }
        /* The key held (so that no other object can take its address), its list borrowed
        from the dict. */
        Py_XSETREF(last_key, key);
        last_list = positions;
        if (append_offset(positions, i) < 0) {
            goto failed;
        }
    }
    if (PyErr_Occurred()) {
        goto failed;
    }
    Py_XDECREF(last_key);
    Py_DECREF(key_items);
    Py_XDECREF(skip_items);
    return out;
failed:
    Py_XDECREF(last_key);
    Py_XDECREF(key_items);
    Py_XDECREF(skip_items);
    Py_XDECREF(out);
    return NULL;
}

/* The character classes run_end reads, numbered as the lexer names them (_scan.pyi). */
enum {
    RUN_BLANKS,
    RUN_LETTERS,
    RUN_NAME_CHARS,
    RUN_WORD,
    RUN_VALUE_CHARS,
    RUN_VISIBLE,
    RUN_PRINTABLE
};

/* Tab, CR, LF and printable ASCII: the runes a value never loses (the rest Ollama drops). */
static int is_kept_ascii(Py_UCS4 c) { return c == '\n' || c == '\r' || is_value_char(c); }

static int in_class(int run, Py_UCS4 c, Kept kept) {
    if (c >= 0x80 && (run == RUN_VALUE_CHARS || run == RUN_VISIBLE)) {
        return is_simple_value_char(c, kept);
    }
    switch (run) {
    case RUN_BLANKS:
        return is_blank(c);
    case RUN_LETTERS:
        return is_letter(c);
    case RUN_NAME_CHARS:
        return is_name_char(c);
    case RUN_WORD:
        return !is_blank(c);
    case RUN_VALUE_CHARS:
        return is_value_char(c);
    case RUN_VISIBLE:
        return is_kept_ascii(c);
    default:
        return c >= 0x20 && c <= 0x7e;
    }
}

static PyObject *run_end(PyObject *module, PyObject *args) {
    PyObject *text, *kept_map = NULL;
    Py_ssize_t pos, end;
    int run;
    (void)module;
    if (!PyArg_ParseTuple(args, "Unni|O!", &text, &pos, &end, &run, &PyByteArray_Type,
                          &kept_map)) {
        return NULL;
    }
    const Kept kept = kept_of(kept_map);
    if (run < RUN_BLANKS || run > RUN_PRINTABLE) {
        PyErr_Format(PyExc_ValueError, "unknown character class %d", run);
        return NULL;
    }
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    if (end > length) {
        end = length;
    }
    if (pos < 0) {
        pos = 0;
    }
    while (pos < end && in_class(run, PyUnicode_READ(kind, data, pos), kept)) {
        pos++;
    }
    return PyLong_FromSsize_t(pos);
}

static PyMethodDef methods[] = {
    {"group_positions", group_positions, METH_VARARGS,
     "{key: the ascending positions i in keys with keys[i] == key and not skip[i]}, the keys"
     " in the order of their first position; keys and skip (None: nothing skipped) are"
     " iterated in step."},
    {"whole_lines", whole_lines, METH_VARARGS,
     "LineIndex.whole_lines of each (start, end) span inside the text, made as `make` (a"
     " tuple type), given the line starts (from 0) of the text."},
    {"line_columns", line_columns, METH_VARARGS,
     "(lines, columns) of each offset clamped into [0, length], given the ascending line"
     " starts (from 0), each number plus base."},
    {"span_regions", span_regions, METH_VARARGS,
     "(line, column, end line, end column), 1-based, of each (start, end) span clamped into"
     " [0, length], given the ascending line starts (from 0); a zero-width span ends at its"
     " start."},
    {"line_breaks", line_breaks, METH_VARARGS,
     "Offsets just after each line break (CR LF, CR or LF) in text[start:end]."},
    {"run_end", run_end, METH_VARARGS,
     "Where the run of one character class (BLANKS, LETTERS, NAME_CHARS, WORD, VALUE_CHARS,"
     " VISIBLE, PRINTABLE) that starts at pos ends, at most end (both clamped into the text); VALUE_CHARS"
     " and VISIBLE also take the runes above ASCII whose bit is set in kept (a bytearray)."},
    {"scan_simple", scan_simple, METH_VARARGS,
     "Append an Instruction for each simple line from pos on; return where it stopped."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_scan",
    "The lexer's fast path for simple instruction lines, and the reports' pieces"
    " (report/_blocks.c).",
    -1, methods, NULL, NULL, NULL, NULL,
};

/* report/_blocks.c, compiled into this module: one shared library to load, not two. */
extern PyMethodDef report_piece_methods[];

PyMODINIT_FUNC PyInit__scan(void) {
    PyObject *made = PyModule_Create(&module);
    if (made == NULL) {
        return NULL;
    }
    if (PyModule_AddFunctions(made, report_piece_methods) < 0) {
        Py_DECREF(made);
        return NULL;
    }
    static const struct {
        const char *name;
        int run;
    } classes[] = {
        {"BLANKS", RUN_BLANKS},         {"LETTERS", RUN_LETTERS}, {"NAME_CHARS", RUN_NAME_CHARS},
        {"WORD", RUN_WORD},             {"VALUE_CHARS", RUN_VALUE_CHARS},
        {"VISIBLE", RUN_VISIBLE},       {"PRINTABLE", RUN_PRINTABLE},
    };
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        if (PyModule_AddIntConstant(made, classes[i].name, classes[i].run) < 0) {
            Py_DECREF(made);
            return NULL;
        }
    }
    return made;
}
