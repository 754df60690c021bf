/* The text and json reports' pieces in C (see report/text.py and report/json_report.py).

Compiled into the one extension module, `modelfile_ls.syntax._scan` (pyproject.toml), whose
initialisation adds `report_piece_methods`: one shared library for a `--check` to load, not two
(loading the second was ~0.13 ms of every check).

`text_piece(head, findings, fields, spans, columns, layouts, templates, template, placed,
one_cell_each)` writes the blocks of a run of findings as one string, each block followed by a
line break (so joined pieces put an empty line between blocks). Finding i (a tuple; `fields`
gives where it holds its code, severity, message, Ollama's words, notes and fixes, and where
a fix holds its title) has the span `spans[i]` (start, end), the 0-based column `columns[i]`
and the layout of its first line `layouts[i]`: (line start, content end, excerpt line or
None, cells, number as text). Its block is

    head + number + ":" + (column + 1) + message + excerpt + rest

where (message, rest) is the template of its key (code, severity, message, Ollama's words,
notes, its fixes' titles (the title itself for one fix), len(number), caret indent, caret
width or 1 when narrower), looked up in `templates` and else made by `template(key)` and
remembered there. The usual finding lies inside a line of printable ASCII that fits the
excerpt (`cells is one_cell_each`, an excerpt): its caret's indent and width are the span's
offsets into the line. Any other gets (excerpt, indent, width) from `placed(start, end,
layout)`.

`json_piece(opening, findings, fields, regions, heads, head)` writes `opening`, then the json
object of each finding, joined by ",\n": the head of its (code, severity, message) key (the
finding's items at `fields`), looked up in `heads` and else made by `head(key)` and remembered
there, then the numbers of its region `regions[i]` (line, column, end line, end column).

A 10 MB few-shot file has a hundred thousand findings whose blocks or objects differ only in
their numbers and excerpt: written this way, a piece is one string made in one copy, its
blocks never separate objects. tests/report/test_report_pieces.py holds these to the same
pieces made in Python.
*/

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <string.h>

/* The decimal text of a column plus one, from a cache of the first ones (most findings sit a
few characters into their line); a new reference. */
#define CACHED_COLUMNS 256
static PyObject *column_text(PyObject **cache, Py_ssize_t column) {
    if (column >= 0 && column < CACHED_COLUMNS) {
        if (cache[column] == NULL) {
            cache[column] = PyUnicode_FromFormat("%zd", column + 1);
            if (cache[column] == NULL) {
                return NULL;
            }
        }
        Py_INCREF(cache[column]);
        return cache[column];
    }
    return PyUnicode_FromFormat("%zd", column + 1);
}

/* Reads an int that fits a Py_ssize_t; -1 with an exception set when it is not one. */
static int read_offset(PyObject *item, Py_ssize_t *value) {
    *value = PyLong_AsSsize_t(item);
    return *value == -1 && PyErr_Occurred() ? -1 : 0;
}

/* Reads `count` indexes from 0 from the tuple `where` into `fields`: where a piece reads a
finding's fields; -1 with an exception set when `where` is not that. */
static int read_fields(PyObject *where, int count, Py_ssize_t *fields) {
    if (PyTuple_GET_SIZE(where) != count) {
        PyErr_Format(PyExc_ValueError, "fields must be %d indexes", count);
        return -1;
    }
    for (int i = 0; i < count; i++) {
        if (read_offset(PyTuple_GET_ITEM(where, i), &fields[i]) < 0) {
            return -1;
        }
        if (fields[i] < 0) {
            PyErr_SetString(PyExc_ValueError, "fields must be indexes from 0");
            return -1;
        }
    }
    return 0;
}

/* Whether `finding` is a tuple that holds the first `count` of `fields`; else a TypeError is
set. */
static int holds_fields(PyObject *finding, const Py_ssize_t *fields, int count) {
    for (int i = 0; i < count; i++) {
        if (!PyTuple_Check(finding) || PyTuple_GET_SIZE(finding) <= fields[i]) {
            PyErr_SetString(PyExc_TypeError, "a finding must be a tuple holding its fields");
            return 0;
        }
    }
    return 1;
}

/* Whether `made` is a (message, rest) pair of str; else a TypeError is set. */
static int is_template(PyObject *made) {
    if (PyTuple_Check(made) && PyTuple_GET_SIZE(made) == 2 &&
        PyUnicode_Check(PyTuple_GET_ITEM(made, 0)) && PyUnicode_Check(PyTuple_GET_ITEM(made, 1))) {
        return 1;
    }
    PyErr_SetString(PyExc_TypeError, "a template must be a (message, rest) pair of str");
    return 0;
}

/* Whether `made` is a str; else a TypeError is set. */
static int is_head(PyObject *made) {
    if (PyUnicode_Check(made)) {
        return 1;
    }
    PyErr_SetString(PyExc_TypeError, "an object's head must be a str");
    return 0;
}

/* What `cache` holds for `key`, else `make(key)`, remembered there; `valid` checks either. A
new reference (held while the block is made: an allocation on the way may run a finalizer
that changes `cache`), NULL with an exception set when it cannot be had. */
static PyObject *made_once(PyObject *cache, PyObject *make, PyObject *key,
                           int (*valid)(PyObject *)) {
    PyObject *found = PyDict_GetItemWithError(cache, key);
    if (found != NULL) {
        if (!valid(found)) {
            return NULL;
        }
        Py_INCREF(found);
        return found;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    PyObject *made = PyObject_CallOneArg(make, key);
    if (made != NULL && (!valid(made) || PyDict_SetItem(cache, key, made) < 0)) {
        Py_CLEAR(made);
    }
    return made;
}

/* Where a block's key reads its finding: the code, severity, message, Ollama's words, notes
and fixes of a finding, then the title of a fix. */
enum { CODE, SEVERITY, MESSAGE, OLLAMA, NOTES, FIXES, TITLE, FIELDS };

/* The titles of a finding's fixes: the title itself for one fix (the usual case, which spares
a tuple per finding), else a tuple of them; a new reference. */
static PyObject *titles_of(PyObject *fixes, Py_ssize_t title) {
    if (!PyTuple_Check(fixes)) {
        PyErr_SetString(PyExc_TypeError, "a finding's fixes must be a tuple");
        return NULL;
    }
    const Py_ssize_t count = PyTuple_GET_SIZE(fixes);
    PyObject *titles = count == 1 ? NULL : PyTuple_New(count);
    if (count != 1 && titles == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *fix = PyTuple_GET_ITEM(fixes, i);
        if (!PyTuple_Check(fix) || PyTuple_GET_SIZE(fix) <= title) {
            Py_XDECREF(titles);
            PyErr_SetString(PyExc_TypeError, "a fix must be a tuple holding its title");
            return NULL;
        }
        PyObject *one = PyTuple_GET_ITEM(fix, title);
        Py_INCREF(one);
        if (count == 1) {
            return one;
        }
        PyTuple_SET_ITEM(titles, i, one);
    }
    return titles;
}

/* (code, severity, message, Ollama's words, notes, fixes' titles, digits, indent, width): what
a block's text depends on but its numbers and excerpt; a new reference. */
static PyObject *block_key(PyObject *finding, const Py_ssize_t *fields, Py_ssize_t digits,
                           Py_ssize_t indent, Py_ssize_t width) {
    PyObject *key = PyTuple_New(9);
    if (key == NULL) {
        return NULL;
    }
    for (int i = CODE; i <= NOTES; i++) {
        PyObject *item = PyTuple_GET_ITEM(finding, fields[i]);
        Py_INCREF(item);
        PyTuple_SET_ITEM(key, i, item);
    }
    PyObject *made[4] = {titles_of(PyTuple_GET_ITEM(finding, fields[FIXES]), fields[TITLE]),
                         PyLong_FromSsize_t(digits), PyLong_FromSsize_t(indent),
                         PyLong_FromSsize_t(width)};
    int failed = 0;
    for (int i = 0; i < 4; i++) {
        failed |= made[i] == NULL;
        /* A tuple made by PyTuple_New holds NULL until set, and frees what it holds. */
        PyTuple_SET_ITEM(key, FIXES + i, made[i]);
    }
    if (failed) {
        Py_DECREF(key);
        return NULL;
    }
    return key;
}

/* Appends finding i's block to `parts` (its pieces, then the line break that follows it). */
static int add_block(PyObject *parts, PyObject *head, PyObject *colon, PyObject *newline,
                     PyObject **columns_made, PyObject *finding, const Py_ssize_t *fields,
                     PyObject *span, PyObject *column,
                     PyObject *layout, PyObject *templates, PyObject *template,
                     PyObject *placed, PyObject *one_cell_each) {
    Py_ssize_t start, end, line_start, line_end, at;
    if (!PyTuple_Check(span) || PyTuple_GET_SIZE(span) != 2 || !PyTuple_Check(layout) ||
        PyTuple_GET_SIZE(layout) != 5) {
        PyErr_SetString(PyExc_TypeError, "spans must be pairs and layouts 5-tuples");
        return -1;
    }
    if (!holds_fields(finding, fields, FIXES + 1)) {
        return -1;
    }
    if (read_offset(PyTuple_GET_ITEM(span, 0), &start) < 0 ||
        read_offset(PyTuple_GET_ITEM(span, 1), &end) < 0 ||
        read_offset(PyTuple_GET_ITEM(layout, 0), &line_start) < 0 ||
        read_offset(PyTuple_GET_ITEM(layout, 1), &line_end) < 0 || read_offset(column, &at) < 0) {
        return -1;
    }
    PyObject *excerpt = PyTuple_GET_ITEM(layout, 2);
    PyObject *label = PyTuple_GET_ITEM(layout, 4);
    if (!PyUnicode_Check(label)) {
        PyErr_SetString(PyExc_TypeError, "a line's number must be a str");
        return -1;
    }
    Py_ssize_t indent, width;
    PyObject *shown;
    if (line_start <= start && start <= end && end <= line_end &&
        PyTuple_GET_ITEM(layout, 3) == one_cell_each && excerpt != Py_None) {
        indent = start - line_start;
        width = end - start;
        Py_INCREF(excerpt);
        shown = excerpt;
    } else {
        PyObject *got = PyObject_CallFunction(placed, "nnO", start, end, layout);
        if (got == NULL) {
            return -1;
        }
        if (!PyTuple_Check(got) || PyTuple_GET_SIZE(got) != 3 ||
            read_offset(PyTuple_GET_ITEM(got, 1), &indent) < 0 ||
            read_offset(PyTuple_GET_ITEM(got, 2), &width) < 0) {
            Py_DECREF(got);
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_TypeError, "placed must give (excerpt, indent, width)");
            }
            return -1;
        }
        shown = PyTuple_GET_ITEM(got, 0);
        Py_INCREF(shown);
        Py_DECREF(got);
    }
    PyObject *key =
        block_key(finding, fields, PyUnicode_GET_LENGTH(label), indent, width > 1 ? width : 1);
    if (key == NULL) {
        Py_DECREF(shown);
        return -1;
    }
    PyObject *made = made_once(templates, template, key, is_template);
    Py_DECREF(key);
    PyObject *number = made == NULL ? NULL : column_text(columns_made, at);
    if (number == NULL) {
        Py_XDECREF(made);
        Py_DECREF(shown);
        return -1;
    }
    PyObject *pieces[8] = {head,   label,
                           colon,  number,
                           PyTuple_GET_ITEM(made, 0), shown,
                           PyTuple_GET_ITEM(made, 1), newline};
    int failed = 0;
    for (int i = 0; i < 8 && !failed; i++) {
        failed = PyList_Append(parts, pieces[i]);
    }
    Py_DECREF(number);
    Py_DECREF(made);
    Py_DECREF(shown);
    return failed ? -1 : 0;
}

static PyObject *text_piece(PyObject *module, PyObject *args) {
    PyObject *head, *findings, *where, *spans, *columns, *layouts, *templates, *template;
    PyObject *placed, *one_cell_each;
    Py_ssize_t fields[FIELDS];
    (void)module;
    if (!PyArg_ParseTuple(args, "UOO!OOOO!OOO", &head, &findings, &PyTuple_Type, &where, &spans,
                          &columns, &layouts, &PyDict_Type, &templates, &template, &placed,
                          &one_cell_each)) {
        return NULL;
    }
    if (read_fields(where, FIELDS, fields) < 0) {
        return NULL;
    }
    PyObject *columns_made[CACHED_COLUMNS] = {NULL};
    PyObject *fast[4] = {NULL, NULL, NULL, NULL};
    PyObject *given[4] = {findings, spans, columns, layouts};
    PyObject *parts = NULL, *piece = NULL;
    PyObject *colon = PyUnicode_FromString(":");
    PyObject *newline = PyUnicode_FromString("\n");
    PyObject *empty = PyUnicode_New(0, 0);
    if (colon == NULL || newline == NULL || empty == NULL) {
        goto done;
    }
    for (int i = 0; i < 4; i++) {
        fast[i] = PySequence_Fast(given[i], "the findings' parts must be sequences");
        if (fast[i] == NULL) {
            goto done;
        }
    }
    const Py_ssize_t count = PySequence_Fast_GET_SIZE(fast[0]);
    for (int i = 1; i < 4; i++) {
        if (PySequence_Fast_GET_SIZE(fast[i]) != count) {
            PyErr_SetString(PyExc_ValueError, "the findings' parts must be as many");
            goto done;
        }
    }
    parts = PyList_New(0);
    if (parts == NULL) {
        goto done;
    }
    for (Py_ssize_t j = 0; j < count; j++) {
        if (add_block(parts, head, colon, newline, columns_made,
                      PySequence_Fast_GET_ITEM(fast[0], j), fields,
                      PySequence_Fast_GET_ITEM(fast[1], j),
                      PySequence_Fast_GET_ITEM(fast[2], j), PySequence_Fast_GET_ITEM(fast[3], j),
                      templates, template, placed, one_cell_each) < 0) {
            goto done;
        }
    }
    piece = PyUnicode_Join(empty, parts);
done:
    for (int i = 0; i < CACHED_COLUMNS; i++) {
        Py_XDECREF(columns_made[i]);
    }
    for (int i = 0; i < 4; i++) {
        Py_XDECREF(fast[i]);
    }
    Py_XDECREF(parts);
    Py_XDECREF(colon);
    Py_XDECREF(newline);
    Py_XDECREF(empty);
    return piece;
}

/* Whether text[start:end] is printable ASCII only (one cell a character, shown as it is). */
static int is_plain(int kind, const void *data, Py_ssize_t start, Py_ssize_t end) {
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 0x20 || c > 0x7E) {
            return 0;
        }
    }
    return 1;
}

/* An ASCII str of `size` characters from `data`. */
static PyObject *ascii_text(const char *data, Py_ssize_t size) {
    PyObject *made = PyUnicode_New(size, 127);
    if (made != NULL) {
        memcpy(PyUnicode_1BYTE_DATA(made), data, size);
    }
    return made;
}

/* The decimal text of `number`. */
static PyObject *decimal(Py_ssize_t number) {
    char digits[24];
    int size = snprintf(digits, sizeof digits, "%zd", number);
    return ascii_text(digits, size);
}

/* Copies `piece` into `made` at `at` (both ASCII when `ascii`); the position after it. */
static Py_ssize_t put(PyObject *made, Py_ssize_t at, PyObject *piece, Py_ssize_t from,
                      Py_ssize_t size, int ascii) {
    if (ascii) {
        memcpy(PyUnicode_1BYTE_DATA(made) + at, PyUnicode_1BYTE_DATA(piece) + from, size);
    } else if (PyUnicode_CopyCharacters(made, at, piece, from, size) < 0) {
        return -1;
    }
    return at + size;
}

/* opening + label + closing, then a space and text[start:tail] (printable ASCII) unless that
is empty. */
static PyObject *excerpt_line(PyObject *opening, PyObject *label, PyObject *closing,
                              PyObject *text, Py_ssize_t start, Py_ssize_t tail) {
    const Py_ssize_t shown = tail > start ? tail - start : 0;
    Py_UCS4 most = PyUnicode_MAX_CHAR_VALUE(opening);
    if (PyUnicode_MAX_CHAR_VALUE(closing) > most) {
        most = PyUnicode_MAX_CHAR_VALUE(closing);
    }
    /* The usual excerpt is ASCII throughout, copied byte by byte. */
    const int ascii = most <= 127 && PyUnicode_KIND(text) == PyUnicode_1BYTE_KIND;
    PyObject *made =
        PyUnicode_New(PyUnicode_GET_LENGTH(opening) + PyUnicode_GET_LENGTH(label) +
                          PyUnicode_GET_LENGTH(closing) + (shown ? shown + 1 : 0),
                      most > 127 ? most : 127);
    if (made == NULL) {
        return NULL;
    }
    Py_ssize_t at = put(made, 0, opening, 0, PyUnicode_GET_LENGTH(opening), ascii);
    if (at >= 0) {
        at = put(made, at, label, 0, PyUnicode_GET_LENGTH(label), ascii);
    }
    if (at >= 0) {
        at = put(made, at, closing, 0, PyUnicode_GET_LENGTH(closing), ascii);
    }
    if (at >= 0 && shown) {
        PyUnicode_WRITE(PyUnicode_KIND(made), PyUnicode_DATA(made), at, ' ');
        at = put(made, at + 1, text, start, shown, ascii);
    }
    if (at < 0) {
        Py_DECREF(made);
        return NULL;
    }
    return made;
}

/* The layout of one line of printable ASCII (see plain_lines); a new reference. */
static PyObject *plain_line(PyObject *text, int kind, const void *data, PyObject *start_item,
                            PyObject *end_item, PyObject *number_item, PyObject *opening,
                            PyObject *closing, PyObject *one_cell_each, Py_ssize_t width) {
    Py_ssize_t start, end, number;
    if (read_offset(start_item, &start) < 0 || read_offset(end_item, &end) < 0 ||
        read_offset(number_item, &number) < 0) {
        return NULL;
    }
    PyObject *label = decimal(number + 1);
    if (label == NULL) {
        return NULL;
    }
    PyObject *excerpt;
    if (end - start > width) {
        /* Too wide to share: each finding gets its own window of the line. */
        excerpt = Py_None;
        Py_INCREF(excerpt);
    } else {
        /* Without trailing blanks (`str.rstrip`: in printable ASCII, only spaces). */
        Py_ssize_t tail = end;
        while (tail > start && PyUnicode_READ(kind, data, tail - 1) == ' ') {
            tail--;
        }
        excerpt = excerpt_line(opening, label, closing, text, start, tail);
        if (excerpt == NULL) {
            Py_DECREF(label);
            return NULL;
        }
    }
    PyObject *line = PyTuple_New(5);
    if (line == NULL) {
        Py_DECREF(label);
        Py_DECREF(excerpt);
        return NULL;
    }
    Py_INCREF(start_item);
    Py_INCREF(end_item);
    Py_INCREF(one_cell_each);
    PyTuple_SET_ITEM(line, 0, start_item);
    PyTuple_SET_ITEM(line, 1, end_item);
    PyTuple_SET_ITEM(line, 2, excerpt);
    PyTuple_SET_ITEM(line, 3, one_cell_each);
    PyTuple_SET_ITEM(line, 4, label);
    return line;
}

static PyObject *plain_lines(PyObject *module, PyObject *args) {
    PyObject *text, *starts, *ends, *numbers, *opening, *closing, *one_cell_each;
    Py_ssize_t width;
    (void)module;
    if (!PyArg_ParseTuple(args, "UO!O!O!UUOn", &text, &PyList_Type, &starts, &PyList_Type,
                          &ends, &PyList_Type, &numbers, &opening, &closing, &one_cell_each,
                          &width)) {
        return NULL;
    }
    const Py_ssize_t count = PyList_GET_SIZE(numbers);
    if (PyList_GET_SIZE(starts) != count || PyList_GET_SIZE(ends) != count) {
        PyErr_SetString(PyExc_ValueError, "starts, ends and numbers must be as many");
        return NULL;
    }
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < count; i++) {
        Py_ssize_t start, end;
        if (read_offset(PyList_GET_ITEM(starts, i), &start) < 0 ||
            read_offset(PyList_GET_ITEM(ends, i), &end) < 0) {
            return NULL;
        }
        if (start < 0 || end < start || end > length) {
            PyErr_SetString(PyExc_ValueError, "a line must lie inside the text");
            return NULL;
        }
        if (!is_plain(kind, data, start, end)) {
            Py_RETURN_NONE;
        }
    }
    PyObject *out = PyList_New(count);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *line = plain_line(text, kind, data, PyList_GET_ITEM(starts, i),
                                    PyList_GET_ITEM(ends, i), PyList_GET_ITEM(numbers, i),
                                    opening, closing, one_cell_each, width);
        if (line == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyList_SET_ITEM(out, i, line);
    }
    return out;
}

/* `line,\n    "column": column,\n    "end_line": end line,\n    "end_column": end column\n  }`
of a (line, column, end line, end column) region: what a json object holds after its head. */
static PyObject *json_tail(PyObject *region) {
    Py_ssize_t at[4];
    if (!PyTuple_Check(region) || PyTuple_GET_SIZE(region) != 4) {
        PyErr_SetString(PyExc_TypeError, "a region must be 4 ints");
        return NULL;
    }
    for (int i = 0; i < 4; i++) {
        if (read_offset(PyTuple_GET_ITEM(region, i), &at[i]) < 0) {
            return NULL;
        }
    }
    char tail[160];
    int size = snprintf(tail, sizeof tail,
                        "%zd,\n    \"column\": %zd,\n    \"end_line\": %zd,\n"
                        "    \"end_column\": %zd\n  }",
                        at[0], at[1], at[2], at[3]);
    return ascii_text(tail, size);
}

static PyObject *json_piece(PyObject *module, PyObject *args) {
    PyObject *opening, *findings, *where, *regions, *heads, *head;
    Py_ssize_t fields[3];
    (void)module;
    if (!PyArg_ParseTuple(args, "UOO!OO!O", &opening, &findings, &PyTuple_Type, &where, &regions,
                          &PyDict_Type, &heads, &head)) {
        return NULL;
    }
    if (read_fields(where, 3, fields) < 0) {
        return NULL;
    }
    PyObject *found = NULL, *located = NULL, *parts = NULL, *piece = NULL;
    PyObject *between = PyUnicode_FromString(",\n");
    PyObject *empty = PyUnicode_New(0, 0);
    if (between == NULL || empty == NULL) {
        goto done;
    }
    found = PySequence_Fast(findings, "findings must be a sequence");
    located = found == NULL ? NULL : PySequence_Fast(regions, "regions must be a sequence");
    if (located == NULL) {
        goto done;
    }
    const Py_ssize_t count = PySequence_Fast_GET_SIZE(found);
    if (PySequence_Fast_GET_SIZE(located) != count) {
        PyErr_SetString(PyExc_ValueError, "findings and regions must be as many");
        goto done;
    }
    parts = PyList_New(0);
    if (parts == NULL || PyList_Append(parts, opening) < 0) {
        goto done;
    }
    for (Py_ssize_t j = 0; j < count; j++) {
        PyObject *finding = PySequence_Fast_GET_ITEM(found, j);
        if (!holds_fields(finding, fields, 3)) {
            goto done;
        }
        PyObject *key = PyTuple_Pack(3, PyTuple_GET_ITEM(finding, fields[0]),
                                     PyTuple_GET_ITEM(finding, fields[1]),
                                     PyTuple_GET_ITEM(finding, fields[2]));
        PyObject *made = key == NULL ? NULL : made_once(heads, head, key, is_head);
        Py_XDECREF(key);
        PyObject *tail = made == NULL ? NULL : json_tail(PySequence_Fast_GET_ITEM(located, j));
        if (tail == NULL) {
            Py_XDECREF(made);
            goto done;
        }
        int failed = (j && PyList_Append(parts, between) < 0) || PyList_Append(parts, made) < 0 ||
                     PyList_Append(parts, tail) < 0;
        Py_DECREF(made);
        Py_DECREF(tail);
        if (failed) {
            goto done;
        }
    }
    piece = PyUnicode_Join(empty, parts);
done:
    Py_XDECREF(found);
    Py_XDECREF(located);
    Py_XDECREF(parts);
    Py_XDECREF(between);
    Py_XDECREF(empty);
    return piece;
}

PyMethodDef report_piece_methods[] = {
    {"text_piece", text_piece, METH_VARARGS,
     "The text blocks of a run of findings, each followed by a line break, as one string:"
     " head + number + ':' + (column + 1) + message + excerpt + rest, the (message, rest)"
     " template of each (code, severity, message, ollama, notes, titles, len(number), indent,"
     " max(width, 1)) key from templates or"
     " made by template(key); (excerpt, indent, width) from placed(start, end, layout)"
     " unless the span lies inside a one-cell-each line with an excerpt."},
    {"json_piece", json_piece, METH_VARARGS,
     "opening, then the json object of each finding, joined by ',\n': the head of its (code,"
     " severity, message) key (the finding's items at fields) from heads or made by"
     " head(key), then its region's numbers."},
    {"plain_lines", plain_lines, METH_VARARGS,
     "The layout (start, end, excerpt, one_cell_each, number + 1 as text) of each line"
     " text[starts[i]:ends[i]] numbered numbers[i] (0-based), its excerpt opening + number +"
     " closing, then a space and the line without trailing spaces unless that is empty, None"
     " for a line longer than width; None when some line holds anything but printable"
     " ASCII."},
    {NULL, NULL, 0, NULL},
};
