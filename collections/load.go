package collections

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"golang.org/x/text/encoding/unicode"
)

// InputError is a problem with a file the user gave: missing, unreadable,
// not valid JSON or not the kind of document expected. The CLI maps it to
// exit code 2. Its message names the file and, when known, the line and
// column or the field.
type InputError struct {
	File string
	// Line and Column locate a JSON syntax error (1-based); 0 when unknown.
	Line, Column int
	Err          error
}

// Error names the file, and the line and column when known: the one line
// the CLI prints for a bad input.
func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

// Unwrap gives errors.Is and errors.As the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// LoadCollection reads and normalises a collection file.
func LoadCollection(path string) (*Collection, error) {
	data, err := ReadInput(path, "collection")
	if err != nil {
		return nil, err
	}
	c, err := ParseCollection(path, data)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// ParseCollection normalises collection JSON; name is used in messages.
func ParseCollection(name string, data []byte) (*Collection, error) {
	doc, err := parseJSON(name, data)
	if err != nil {
		return nil, err
	}
	if doc, err = extractModel(doc, "collection"); err != nil {
		return nil, &InputError{File: name, Err: err}
	}
	if isObject(doc) && !isV1Collection(doc) && !field(doc, "info").exists() && !field(doc, "item").exists() && (has(doc, "values") || has(doc, "environment") || has(doc, "globals")) {
		return nil, &InputError{File: name, Err: errors.New("not a Postman collection: it is an environment or globals file (give it with -e or -g)")}
	}
	v1 := isV1Collection(doc)
	if v1 {
		// Newman runs v1 files after converting them to v2.1; so does
		// colrun, and the converted document is decoded as usual.
		v2, err := convertV1(doc)
		if err != nil {
			return nil, &InputError{File: name, Err: err}
		}
		var ok bool
		if doc, ok = parseDocument(string(v2)); !ok {
			// json.Marshal writes JSON: only a conversion too long for
			// the parser gets here.
			return nil, &InputError{File: name, Err: errors.New("the collection converted from v1 is larger than 2 GiB")}
		}
	}
	c, err := decodeCollection(doc)
	if err != nil {
		return nil, &InputError{File: name, Err: err}
	}
	c.Source = name
	c.ConvertedFromV1 = v1
	for i, msg := range c.Warnings {
		c.Warnings[i] = name + ": " + msg
	}
	return c, nil
}

// extractModel takes a collection, environment or globals out of the
// wrapper the Postman API returns it in ({"collection": {...}},
// {"environment": {...}}, {"globals": {...}}), by the rules of Newman
// 6.2.2's extractModel, so that an export from the API runs as it does
// under Newman. kind is the wrapper's name: a collection in an
// "environment" wrapper, say, is not taken out. Newman's rules, in order:
// a wrapper member that is truthy in JavaScript wins over whatever else
// the document holds (a wrapper holding "", 0, false or null is not one,
// and the document is read as it is); what it holds must be an object or
// a list, or Newman cannot load the file; and that is unwrapped once more
// when it has no truthy "values" and holds an object or a list under the
// same name.
func extractModel(doc node, kind string) (node, error) {
	if !isObject(doc) {
		// Newman's own check comes later: a list is read as it is, and
		// anything else is not an object to the caller either.
		return doc, nil
	}
	if inner := field(doc, kind); jsTruthy(inner) {
		// A list is no collection: Newman runs it as an empty one, and
		// colrun refuses a collection with nothing in it.
		if !isObject(inner) && (!isArray(inner) || kind == "collection") {
			return doc, fmt.Errorf("not a Postman %s: its %q member is %s, not an object", kind, kind, jsonKind(inner))
		}
		doc = inner
	}
	if inner := field(doc, kind); isObject(doc) && !jsTruthy(field(doc, "values")) && (isObject(inner) || isArray(inner)) {
		doc = inner
	}
	return doc, nil
}

// jsonKind names a JSON value's type for messages.
func jsonKind(v node) string {
	switch {
	case isObject(v):
		return "an object"
	case isArray(v):
		return "a list"
	case isString(v):
		return "a string"
	case v.kind() == kindNumber:
		return "a number"
	case v.kind() == kindTrue || v.kind() == kindFalse:
		return "a boolean"
	}
	return "null"
}

// parseJSON parses a document and returns its root for reading in place;
// a syntax error is reported with its line and column (found by
// encoding/json, which is only asked when the document is invalid).
func parseJSON(name string, data []byte) (node, error) {
	if isUTF16LE(data) {
		if decoded, err := utf16LE.NewDecoder().Bytes(data); err == nil {
			data = decoded
		}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return node{}, &InputError{File: name, Err: errors.New("file is empty")}
	}
	if len(data) > maxDocument {
		return node{}, &InputError{File: name, Err: errors.New("file is larger than 2 GiB")}
	}
	if root, ok := parseDocument(string(data)); ok {
		return root, nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var doc any
	err := dec.Decode(&doc)
	if err == nil {
		// Anything after the document is an error too.
		off := dec.InputOffset()
		line, col := lineColumn(data, off+1)
		return node{}, &InputError{File: name, Line: line, Column: col, Err: errors.New("invalid JSON: unexpected data after the top-level value")}
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineColumn(data, se.Offset)
		if where := trailingComma(data, se.Offset); where != "" {
			return node{}, &InputError{File: name, Line: line, Column: col, Err: fmt.Errorf("invalid JSON: trailing comma in %s", where)}
		}
		return node{}, &InputError{File: name, Line: line, Column: col, Err: fmt.Errorf("invalid JSON: %v", se)}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		line, col := lineColumn(data, int64(len(data))+1)
		return node{}, &InputError{File: name, Line: line, Column: col, Err: errors.New("invalid JSON: unexpected end of file")}
	}
	return node{}, &InputError{File: name, Err: fmt.Errorf("invalid JSON: %v", err)}
}

// trailingComma names what a comma before the closing bracket at 1-based
// offset ends ("object" or "array"), or "" when the syntax error there is
// another. Hand-edited collections and environments often have one, and
// encoding/json's "invalid character '}' looking for beginning of object
// key string" hides it, where Newman says "Trailing comma in object".
func trailingComma(data []byte, offset int64) string {
	if offset < 2 || offset > int64(len(data)) {
		return ""
	}
	var where string
	switch data[offset-1] {
	case '}':
		where = "object"
	case ']':
		where = "array"
	default:
		return ""
	}
	before := bytes.TrimRight(data[:offset-1], " \t\r\n")
	if len(before) == 0 || before[len(before)-1] != ',' {
		return ""
	}
	return where
}

// utf16LE decodes the UTF-16LE text that Windows tools save as "Unicode"
// (PowerShell's Out-File and Set-Content among them), taking off its byte
// order mark.
var utf16LE = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)

// isUTF16LE reports whether a file starts with UTF-16LE's byte order mark.
// Newman reads such collection, environment, globals and data files as
// UTF-16LE (its chardet finds them by that mark alone), so colrun does
// too; FF FE 00 00 is UTF-32LE's mark, which Newman reads as UTF-8.
func isUTF16LE(head []byte) bool {
	return bytes.HasPrefix(head, []byte{0xff, 0xfe}) && !bytes.HasPrefix(head, []byte{0xff, 0xfe, 0, 0})
}

// ReadInput reads an input file whole, with the one-line error colrun
// prints for a missing or unreadable file; kind names the file's role
// ("collection", "environment"...) in that error.
func ReadInput(path, kind string) ([]byte, error) {
	data, err := readAtMost(path, maxSpooled)
	if errors.Is(err, errTooLong) {
		return nil, &InputError{File: path, Err: fmt.Errorf("cannot read %s file: %v", kind, err)}
	}
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, &InputError{File: path, Err: fmt.Errorf("%s file not found", kind)}
		case errors.Is(err, fs.ErrPermission):
			return nil, &InputError{File: path, Err: fmt.Errorf("cannot read %s file: permission denied", kind)}
		default:
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, &InputError{File: path, Err: fmt.Errorf("cannot read %s file: %v", kind, err)}
		}
	}
	return data, nil
}

// errTooLong is readAtMost's error for a file past its limit.
var errTooLong = fmt.Errorf("it holds more than %d MiB, more than Newman can read", (maxSpooled+1<<20-1)>>20)

// readAtMost reads a file whole, unless it holds more than limit bytes:
// Newman reads no input longer than V8's longest string, and a source
// that never ends (/dev/zero, /dev/urandom, a pipe from a command that
// does not stop) filled memory until Go's fatal "out of memory" took the
// process down. A regular file's size is known before reading.
func readAtMost(path string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil || fi.IsDir() {
		return os.ReadFile(path) // its error, as before
	}
	if fi.Mode().IsRegular() {
		if fi.Size() > limit {
			return nil, errTooLong
		}
		return os.ReadFile(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(data)) > limit {
		return nil, errTooLong
	}
	return data, err
}

// lineColumn converts a byte offset (just past the offending byte, as
// encoding/json reports it) into a 1-based line and column.
func lineColumn(data []byte, offset int64) (int, int) {
	return lineColumnOf(bytes.NewReader(data), offset)
}

// lineColumnOf is lineColumn over a stream, which it reads up to offset.
func lineColumnOf(r io.ByteReader, offset int64) (int, int) {
	line, col := 1, 1
	for i := int64(0); i < offset-1; i++ {
		b, err := r.ReadByte()
		if err != nil {
			break
		}
		if b == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}
