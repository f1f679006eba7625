package collections

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"time"
)

// VariableFile is a Postman environment or globals file.
type VariableFile struct {
	ID   string
	Name string
	// Scope is "environment" or "globals" (_postman_variable_scope).
	Scope string
	// Values holds every entry in file order; entries with a truthy
	// "disabled" are kept with Disabled set, and never substituted.
	// "enabled": false is ignored, as Newman ignores it.
	Values []Variable
	Source string
}

// LoadEnvironment reads a *.postman_environment.json file.
func LoadEnvironment(path string) (*VariableFile, error) {
	return loadVariableFile(path, "environment")
}

// LoadGlobals reads a *.postman_globals.json file.
func LoadGlobals(path string) (*VariableFile, error) {
	return loadVariableFile(path, "globals")
}

func loadVariableFile(path, kind string) (*VariableFile, error) {
	data, err := ReadInput(path, kind)
	if err != nil {
		return nil, err
	}
	return ParseVariableFile(path, kind, data)
}

// ParseVariableFile normalises environment or globals JSON: Postman's
// {"values": [...]}, a bare list of {key, value} objects, or either of
// them in the wrapper the Postman API returns ({"environment": {...}}), as
// Newman reads them.
func ParseVariableFile(name, kind string, data []byte) (*VariableFile, error) {
	doc, err := parseJSON(name, data)
	if err != nil {
		return nil, err
	}
	if doc, err = extractModel(doc, kind); err != nil {
		return nil, &InputError{File: name, Err: err}
	}
	f := &VariableFile{Scope: kind, Source: name}
	values := doc
	if isObject(doc) {
		// Newman reads no variables from an object without "values" (a
		// flat {"name": "value"} object, a collection, the other kind's
		// wrapper): the run goes on and every {{variable}} is left
		// unresolved. Such a file is a mistake, so colrun says so;
		// except {}, the placeholder a CI job writes when it has no
		// variables to give, which defines none in either tool.
		if doc.size() == 0 {
			return f, nil
		}
		if !has(doc, "values") {
			return nil, &InputError{File: name, Err: fmt.Errorf("not a Postman %s: it has no \"values\" list%s", kind, notVariablesHint(doc, kind))}
		}
		f.ID, f.Name = str(field(doc, "id")), str(field(doc, "name"))
		values = field(doc, "values")
	} else if !isArray(doc) {
		return nil, &InputError{File: name, Err: fmt.Errorf("not a Postman %s: expected an object with \"values\"", kind)}
	}
	vars, err := decodeVariables(values, "values")
	if err != nil {
		return nil, &InputError{File: name, Err: err}
	}
	f.Values = vars
	return f, nil
}

// notVariablesHint says what an object without "values" looks like it is,
// when that is another kind of Postman file.
func notVariablesHint(doc node, kind string) string {
	switch {
	case has(doc, "collection") || field(doc, "info").exists() || field(doc, "item").exists():
		return " (it is a collection, which goes first: colrun run <collection>)"
	case kind == "globals" && has(doc, "environment"):
		return ` (it holds an "environment": give it with -e)`
	case kind == "environment" && has(doc, "globals"):
		return ` (it holds "globals": give them with -g)`
	case doc.size() > 0:
		return ` (a flat {"name": "value"} object defines no variables, in Newman either)`
	}
	return ""
}

// ExportedVariable is one entry of an exported environment or globals file.
type ExportedVariable struct {
	Key   string
	Value any
	// Type is "any", "default" or "secret"; colrun marks captured session
	// tokens as "secret".
	Type    string
	Enabled bool
	// DisabledAs is the "disabled" the entry was read with (1, "yes",
	// 0), written back as is; nil writes "disabled": true when the entry
	// is not Enabled, and nothing otherwise.
	DisabledAs json.RawMessage
	// Unnamed writes the entry without a "key", with its ID and Name
	// instead (each when not empty): collections.Variable's Unnamed.
	Unnamed  bool
	ID, Name string
}

// MarshalJSON writes the entry as Newman's exports do where that matters
// to whoever reads the file back: an Undefined value leaves "value" out,
// numbers are JavaScript's (NaN and infinities are null, as
// JSON.stringify writes them), and "disabled" is what the entry was read
// with, or true for a disabled entry read without one: the flag Newman and
// colrun read, written as Newman writes it ("enabled" is kept for Postman's
// importer, which reads that one).
func (v ExportedVariable) MarshalJSON() ([]byte, error) {
	doc := struct {
		ID       string          `json:"id,omitempty"`
		Name     string          `json:"name,omitempty"`
		Key      *string         `json:"key,omitempty"`
		Value    json.RawMessage `json:"value,omitempty"`
		Type     string          `json:"type"`
		Enabled  bool            `json:"enabled"`
		Disabled json.RawMessage `json:"disabled,omitempty"`
	}{Key: &v.Key, Type: v.Type, Enabled: v.Enabled, Disabled: v.DisabledAs}
	if v.Unnamed {
		doc.Key, doc.ID, doc.Name = nil, v.ID, v.Name
	}
	if doc.Disabled == nil && !v.Enabled {
		doc.Disabled = json.RawMessage("true")
	}
	val := v.Value
	switch x := val.(type) {
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			val = nil
		}
	case json.Number:
		// A number from a file is written as JavaScript holds it: 1.0 is
		// 1, -0 is 0, 9007199254740993 is 9007199254740992.
		if f, err := x.Float64(); err == nil {
			val = json.Number(FormatNumber(f))
		}
	}
	if _, undefined := val.(Undefined); !undefined {
		raw, err := json.Marshal(val)
		if err != nil {
			return nil, fmt.Errorf("variable %q: %w", v.Key, err)
		}
		doc.Value = raw
	}
	return json.Marshal(doc)
}

// WriteVariableFile writes an environment or globals file in the shape
// Newman's --export-environment and --export-globals write, creating the
// directory if needed. The write goes through a temporary file so that a
// failure never leaves a half-written export behind.
func WriteVariableFile(path, id, name, scope, exportedUsing string, values []ExportedVariable) error {
	if values == nil {
		values = []ExportedVariable{}
	}
	doc := struct {
		ID         string             `json:"id,omitempty"`
		Name       string             `json:"name"`
		Values     []ExportedVariable `json:"values"`
		Scope      string             `json:"_postman_variable_scope"`
		ExportedAt string             `json:"_postman_exported_at"`
		Using      string             `json:"_postman_exported_using"`
	}{id, name, values, scope, time.Now().UTC().Format("2006-01-02T15:04:05.000Z"), exportedUsing}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, append(data, '\n'))
}

// WriteFileAtomic writes data to path through a temporary file in the same
// directory, creating the directory if needed. A device, a pipe or a
// symbolic link is written through, as Newman writes it (ResolveOutput).
func WriteFileAtomic(path string, data []byte) error {
	out := ResolveOutput(path)
	if out.Direct {
		if err := out.WriteFrom(bytes.NewReader(data)); err != nil {
			return fmt.Errorf("%s: cannot write: %w", path, err)
		}
		return nil
	}
	dir := filepath.Dir(out.Path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: cannot create directory: %w", path, errors.Unwrap(err))
	}
	tmp, err := os.CreateTemp(dir, ".colrun-*")
	if err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: cannot write: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), out.Path); err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, err)
	}
	return nil
}
