package collections

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"strings"
)

// DataRow is one iteration's data, in column (or key) order.
type DataRow []Variable

// DataFile streams iteration data from a CSV file (header row, BOM
// tolerated, quoted fields may hold commas and newlines) or a JSON array of
// objects, so that a run over a large file never holds it in memory.
type DataFile struct {
	path string
	f    *os.File
	next func() (DataRow, error)
	row  int // rows returned so far
	// counting makes Next check each row without building it (Count).
	counting bool
}

// OpenData opens an iteration data file. JSON is detected by content (a
// leading "["), anything else is read as CSV, as Newman does.
func OpenData(path string) (*DataFile, error) {
	if _, err := readHead(path); err != nil {
		return nil, err
	}
	d := &DataFile{path: path}
	if err := d.open(); err != nil {
		return nil, err
	}
	return d, nil
}

func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		_, rerr := ReadInput(path, "data")
		return nil, rerr
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	return head[:n], nil
}

func (d *DataFile) open() error {
	f, err := os.Open(d.path)
	if err != nil {
		_, rerr := ReadInput(d.path, "data")
		return rerr
	}
	d.f = f
	br := bufio.NewReaderSize(f, 64<<10)
	skipBOM(br)
	first := firstNonSpace(br)
	if first == '[' || first == '{' {
		return d.openJSON(br)
	}
	return d.openCSV(br)
}

// skipBOM drops a UTF-8 byte order mark, which spreadsheet exports write.
func skipBOM(br *bufio.Reader) {
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
	}
}

func firstNonSpace(br *bufio.Reader) byte {
	for i := 1; ; i++ {
		b, err := br.Peek(i)
		if err != nil || len(b) < i {
			return 0
		}
		c := b[i-1]
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return c
		}
		if i > 4096 {
			return 0
		}
	}
}

// Close releases the file.
func (d *DataFile) Close() error {
	if d.f == nil {
		return nil
	}
	err := d.f.Close()
	d.f = nil
	return err
}

// Next returns the next row, or io.EOF after the last one.
func (d *DataFile) Next() (DataRow, error) {
	row, err := d.next()
	if err == nil {
		d.row++
	}
	return row, err
}

// Count reads the file once more to count its rows, without keeping them;
// pm.info.iterationCount needs the number before the first iteration.
func (d *DataFile) Count() (int, error) {
	other := &DataFile{path: d.path, counting: true}
	if err := other.open(); err != nil {
		return 0, err
	}
	defer other.Close()
	n := 0
	for {
		_, err := other.Next()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

func (d *DataFile) openCSV(br *bufio.Reader) error {
	rec := &recordingReader{r: br}
	var src io.Reader = rec
	if d.counting {
		src = br
	}
	r := csv.NewReader(src)
	r.ReuseRecord = d.counting
	// Quotes are strict, as in csv-parse (Newman): an unclosed quote is an
	// error naming the line, not a field that swallows the rest of the file.
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		d.next = func() (DataRow, error) { return nil, io.EOF }
		return nil
	}
	if err != nil {
		return d.csvError(err)
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	r.FieldsPerRecord = len(header)
	if d.counting {
		// The reader still checks quotes and field counts, so a bad row
		// is found before the run starts; no row is built.
		d.next = func() (DataRow, error) {
			if _, err := r.Read(); err != nil {
				if errors.Is(err, io.EOF) {
					return nil, io.EOF
				}
				return nil, d.csvError(err)
			}
			return nil, nil
		}
		return nil
	}
	d.next = func() (DataRow, error) {
		start := r.InputOffset()
		rec.forget(start)
		fields, err := r.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil, io.EOF
			}
			return nil, d.csvError(err)
		}
		raw := rec.since(start, r.InputOffset())
		firstLine, _ := r.FieldPos(0)
		row := make(DataRow, len(header))
		for i, h := range header {
			line, col := r.FieldPos(i)
			row[i] = Variable{Key: h, Value: csvValue(fields[i], quotedAt(raw, line-firstLine, col))}
		}
		return row, nil
	}
	return nil
}

// recordingReader keeps the bytes the CSV reader consumed for the current
// record: encoding/csv does not say whether a field was quoted, and Newman
// keeps quoted numbers such as "42" as text.
type recordingReader struct {
	r    io.Reader
	buf  []byte
	base int64 // input offset of buf[0]
}

func (rr *recordingReader) Read(p []byte) (int, error) {
	n, err := rr.r.Read(p)
	rr.buf = append(rr.buf, p[:n]...)
	return n, err
}

// forget drops what lies before offset.
func (rr *recordingReader) forget(offset int64) {
	if cut := offset - rr.base; cut > 0 && cut <= int64(len(rr.buf)) {
		rr.buf = append(rr.buf[:0], rr.buf[cut:]...)
		rr.base = offset
	}
}

func (rr *recordingReader) since(from, to int64) []byte {
	lo, hi := from-rr.base, to-rr.base
	if lo < 0 || hi > int64(len(rr.buf)) || lo > hi {
		return nil
	}
	return rr.buf[lo:hi]
}

// quotedAt reports whether the field starting at the 1-based byte column
// col of the record's line lineOffset (0 for its first line) is quoted.
func quotedAt(raw []byte, lineOffset, col int) bool {
	for ; lineOffset > 0; lineOffset-- {
		i := bytes.IndexByte(raw, '\n')
		if i < 0 {
			return false
		}
		raw = raw[i+1:]
	}
	return col >= 1 && col <= len(raw) && raw[col-1] == '"'
}

func (d *DataFile) csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			msg = "wrong number of fields in this row (the header row sets the count)"
		}
		return &InputError{File: d.path, Line: pe.Line, Column: pe.Column, Err: fmt.Errorf("CSV: %s", msg)}
	}
	return &InputError{File: d.path, Err: fmt.Errorf("CSV: %v", err)}
}

// jsInt is Newman's integer test for CSV fields (util.isInt).
var jsInt = regexp.MustCompile(`^[-+]?[1-9][0-9]*$`)

// csvValue applies Newman's cast (csvAutoParse): an unquoted field that is
// an integer, or passes csv-parse's float test (value - parseFloat(value)
// + 1 >= 0), becomes parseFloat(value), so "0x1A" becomes 0 and "007" 7;
// everything else stays text.
func csvValue(s string, quoted bool) any {
	s = strings.TrimSpace(s)
	if quoted {
		return s
	}
	if jsInt.MatchString(s) {
		// ParseFloat is parseInt here: the digits are all there is.
		return csvNumber(ParseFloat(s))
	}
	if f := ParseFloat(s); ToNumber(s)-f+1 >= 0 {
		return csvNumber(f)
	}
	return s
}

// csvNumber keeps a cast field as json.Number, like numbers from JSON
// files; an integer too long for a float64 is Infinity in JavaScript,
// which JSON cannot spell, so it stays a float64.
func csvNumber(f float64) any {
	if math.IsInf(f, 0) {
		return f
	}
	return json.Number(FormatNumber(f))
}

func (d *DataFile) openJSON(br *bufio.Reader) error {
	dec := json.NewDecoder(br)
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return &InputError{File: d.path, Err: fmt.Errorf("invalid JSON: %v", err)}
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '[' {
		return &InputError{File: d.path, Err: errors.New("JSON data must be an array of objects, one per iteration")}
	}
	index := 0
	d.next = func() (DataRow, error) {
		if !dec.More() {
			return nil, d.jsonEnd(dec, br)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, d.jsonError(dec, err)
		}
		index++
		row, err := objectRow(raw)
		if err != nil {
			return nil, &InputError{File: d.path, Err: fmt.Errorf("element %d: %v", index, err)}
		}
		return row, nil
	}
	return nil
}

// jsonEnd reads the array's closing bracket and checks that only
// whitespace follows it, as JSON.parse does in Newman: a file cut short
// before its "]", or with anything after it, is refused rather than run
// with the rows read so far. It returns io.EOF when the file is whole.
func (d *DataFile) jsonEnd(dec *json.Decoder, rest io.Reader) error {
	if _, err := dec.Token(); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return d.jsonError(dec, err)
	}
	after := bufio.NewReader(io.MultiReader(dec.Buffered(), rest))
	for off := dec.InputOffset(); ; off++ {
		b, err := after.ReadByte()
		if err != nil {
			return io.EOF
		}
		if b != ' ' && b != '\t' && b != '\r' && b != '\n' {
			line, col := d.lineColumnAt(off + 1)
			return &InputError{File: d.path, Line: line, Column: col, Err: fmt.Errorf("invalid JSON: unexpected %q after the array of iteration data", b)}
		}
	}
}

// lineColumnAt returns the line and column of the byte at 1-based offset
// (counted after any BOM), or 0, 0 when the file cannot be read again.
func (d *DataFile) lineColumnAt(offset int64) (int, int) {
	f, err := os.Open(d.path)
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	br := bufio.NewReader(f)
	skipBOM(br)
	return lineColumnOf(br, offset)
}

// jsonError locates a syntax error by line and column, as for collection
// files. The decoder streams, so the file is read again, which ends the
// run anyway.
func (d *DataFile) jsonError(dec *json.Decoder, err error) error {
	f, ferr := os.Open(d.path)
	if ferr != nil {
		return &InputError{File: d.path, Err: fmt.Errorf("invalid JSON near byte %d: %v", dec.InputOffset(), err)}
	}
	defer f.Close()
	br := bufio.NewReader(f)
	skipBOM(br)
	// A truncated file (no SyntaxError) ends at its last byte.
	off := int64(math.MaxInt64)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = offendingOffset(br, dec.InputOffset(), se.Offset)
		// Count lines afresh from the top.
		if _, serr := f.Seek(0, io.SeekStart); serr == nil {
			br.Reset(f)
			skipBOM(br)
		}
	}
	line, col := lineColumnOf(br, off)
	return &InputError{File: d.path, Line: line, Column: col, Err: fmt.Errorf("invalid JSON: %v", err)}
}

// offendingOffset returns the offset just past the byte a streaming
// decoder choked on. Its SyntaxError only says how far the element had
// been scanned (the offending byte may follow whitespace), so the element,
// from start to a little past that point, is checked again on its own,
// which reports the exact byte.
func offendingOffset(r *bufio.Reader, start, scanned int64) int64 {
	if _, err := r.Discard(int(start)); err != nil {
		return scanned + 1
	}
	window := make([]byte, scanned-start+4096)
	n, _ := io.ReadFull(r, window)
	var raw json.RawMessage
	var se *json.SyntaxError
	if err := json.Unmarshal(window[:n], &raw); errors.As(err, &se) {
		return start + se.Offset
	}
	return scanned + 1
}

// objectRow turns a JSON object into a row, keeping the key order.
func objectRow(raw json.RawMessage) (DataRow, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '{' {
		return nil, errors.New("expected an object of variable names to values")
	}
	var row DataRow
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		row = append(row, Variable{Key: kt.(string), Value: v})
	}
	return row, nil
}
