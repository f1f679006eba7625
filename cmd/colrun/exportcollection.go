package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/encoding/unicode"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/variables"
)

// collectionDoc is the collection document as it was loaded, kept for
// --export-collection: its top-level members in document order, each as
// its JSON text. The export writes them back as they were, so the
// exported file runs exactly as the input did under colrun and Newman;
// only "variable" is replaced, by the run's final collection variables.
type collectionDoc struct {
	members []docMember
	// vars are the input's "variable" entries when it is a list, each as
	// its members, so that an exported variable keeps the id, description
	// and other members it was written with.
	vars []map[string]json.RawMessage
}

type docMember struct {
	key   string
	value json.RawMessage
}

// parseCollectionDoc reads the collection document of data, which
// collections.ParseCollection has accepted, taking it out of a Postman
// API wrapper by the rules colrun and Newman load it by. A v1 collection
// is refused: colrun runs its conversion to v2.1 but does not keep it.
func parseCollectionDoc(name string, data []byte, convertedFromV1 bool) (*collectionDoc, error) {
	if convertedFromV1 {
		return nil, fmt.Errorf("--export-collection: %s is a Postman Collection v1 file, which colrun converts to run but cannot write back; export it as v2.1 from Postman first", name)
	}
	fail := func(err error) (*collectionDoc, error) {
		return nil, fmt.Errorf("--export-collection: %s: cannot keep the collection to export: %v", name, err)
	}
	// The text encodings collections reads: UTF-16LE with its mark (as
	// Windows tools save "Unicode"), and UTF-8 with or without one.
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) && !bytes.HasPrefix(data, []byte{0xff, 0xfe, 0, 0}) {
		decoded, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return fail(err)
		}
		data = decoded
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	members, err := objectMembers(data)
	if err != nil {
		return fail(err)
	}
	// Newman's extractModel: a truthy "collection" member is the
	// collection; and that is unwrapped once more when it has no truthy
	// "values" and holds an object under the same name.
	if inner, ok := lastMember(members, "collection"); ok && jsTruthyJSON(inner) {
		if members, err = objectMembers(inner); err != nil {
			return fail(fmt.Errorf(`its "collection" member: %v`, err))
		}
	}
	if inner, ok := lastMember(members, "collection"); ok && bytes.HasPrefix(inner, []byte("{")) {
		if values, _ := lastMember(members, "values"); !jsTruthyJSON(values) {
			if members, err = objectMembers(inner); err != nil {
				return fail(fmt.Errorf(`its "collection" member: %v`, err))
			}
		}
	}
	doc := &collectionDoc{members: members}
	if list, ok := lastMember(members, "variable"); ok {
		// Anything but a list of objects (an object of name: value
		// pairs, null) leaves nothing to carry over.
		var vars []map[string]json.RawMessage
		if json.Unmarshal(list, &vars) == nil {
			doc.vars = vars
		}
	}
	return doc, nil
}

// objectMembers splits a JSON object into its members, in order and
// duplicates included, each value as its own text.
func objectMembers(data []byte) ([]docMember, error) {
	data = bytes.TrimSpace(data)
	if !bytes.HasPrefix(data, []byte("{")) {
		return nil, errors.New("not a JSON object")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var members []docMember
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			return nil, err
		}
		members = append(members, docMember{key: tok.(string), value: value})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the top-level object")
	}
	return members, nil
}

// lastMember returns the value of the last member named key, the one
// JSON.parse keeps.
func lastMember(members []docMember, key string) (json.RawMessage, bool) {
	for i := len(members) - 1; i >= 0; i-- {
		if members[i].key == key {
			return members[i].value, true
		}
	}
	return nil, false
}

// jsTruthyJSON is JavaScript's truthiness of a JSON value: false, null,
// 0 and "" are falsy.
func jsTruthyJSON(v json.RawMessage) bool {
	switch s := string(bytes.TrimSpace(v)); {
	case s == "", s == "false", s == "null", s == `""`:
		return false
	case strings.HasPrefix(s, "{"), strings.HasPrefix(s, "["), strings.HasPrefix(s, `"`), s == "true":
		return true
	default:
		return collections.ParseFloat(s) != 0
	}
}

// sdkVariableTypes are the types the postman-collection SDK knows; it
// writes any other ("secret", "default") as "any".
var sdkVariableTypes = map[string]bool{"string": true, "boolean": true, "number": true, "array": true, "object": true, "any": true}

// variableJSON is one entry of the exported "variable" list, as Newman
// writes a collection variable: key, value (left out when undefined),
// type (one the SDK knows) and "disabled" as it was read, with the other members the input's
// entry had (id, description, name, system) kept as written.
func variableJSON(e variables.Entry, from map[string]json.RawMessage, redact func(string) string) (json.RawMessage, error) {
	typ := strings.ToLower(e.Type)
	if !sdkVariableTypes[typ] {
		typ = "any"
	}
	// An "object" or "array" variable holds JSON text, as the SDK's
	// does, and is written so.
	value := e.Value
	if s, ok := value.(string); ok {
		value = redact(s)
	}
	// ExportedVariable writes a value as Newman does (JavaScript's
	// numbers, no value for undefined); only its "value" is taken.
	exp, err := json.Marshal(collections.ExportedVariable{Key: e.Key, Value: value, Type: typ, Enabled: true})
	if err != nil {
		return nil, err
	}
	var written map[string]json.RawMessage
	if err := json.Unmarshal(exp, &written); err != nil {
		return nil, err
	}
	out := map[string]any{}
	for k, v := range from {
		out[k] = v
	}
	for _, k := range [...]string{"key", "value", "type", "disabled"} {
		delete(out, k)
	}
	switch {
	case e.Unnamed:
		// A variable read without a key (named by its id or name, which
		// Newman does not resolve) is written back without one, or with
		// the null key it came with, so that it stays unnamed.
		if key, ok := from["key"]; ok {
			out["key"] = key
		}
	case e.Key != "" || from == nil:
		out["key"] = e.Key
	default:
		if key, ok := from["key"]; ok {
			// A variable read without a key is written back as it came.
			out["key"] = key
		}
	}
	out["type"] = typ
	if v, ok := written["value"]; ok {
		out["value"] = v
	}
	switch {
	case e.DisabledAs != nil:
		out["disabled"] = e.DisabledAs
	case e.Disabled:
		out["disabled"] = true
	}
	return json.Marshal(out)
}

// exportJSON is the document to write: the collection as loaded, with
// "variable" replaced by vars (the run's final collection variables) and
// the members Newman adds to every export, indented by two spaces as
// Newman's JSON.stringify(content, 0, 2).
func (d *collectionDoc) exportJSON(vars []variables.Entry, now time.Time, using string, redact func(string) string) ([]byte, error) {
	// Each final variable takes the members of the input entry with its
	// key, the first not taken yet, so duplicates pair up in order.
	taken := make([]bool, len(d.vars))
	list := make([]json.RawMessage, 0, len(vars))
	for _, e := range vars {
		var from map[string]json.RawMessage
		for i, v := range d.vars {
			if !taken[i] && inputKey(v) == e.Key {
				taken[i], from = true, v
				break
			}
		}
		entry, err := variableJSON(e, from, redact)
		if err != nil {
			return nil, err
		}
		list = append(list, entry)
	}
	listJSON, err := json.Marshal(list)
	if err != nil {
		return nil, err
	}
	var members []docMember
	wroteVariable := false
	for _, m := range d.members {
		switch m.key {
		case "variable":
			if !wroteVariable {
				members = append(members, docMember{"variable", listJSON})
				wroteVariable = true
			}
		case "_postman_variable_scope", "_postman_exported_at", "_postman_exported_using":
			// Newman's merge replaces these.
		default:
			members = append(members, m)
		}
	}
	if !wroteVariable {
		members = append(members, docMember{"variable", listJSON})
	}
	if _, ok := lastMember(d.members, "name"); !ok {
		members = append(members, docMember{"name", json.RawMessage(`"collection"`)})
	}
	for _, extra := range [...][2]string{
		{"_postman_variable_scope", "collection"},
		{"_postman_exported_at", now.UTC().Format("2006-01-02T15:04:05.000Z")},
		{"_postman_exported_using", using},
	} {
		text, _ := json.Marshal(extra[1])
		members = append(members, docMember{extra[0], text})
	}
	var b bytes.Buffer
	b.WriteString("{")
	for i, m := range members {
		if i > 0 {
			b.WriteString(",")
		}
		key, _ := json.Marshal(m.key)
		b.WriteString("\n  ")
		b.Write(key)
		b.WriteString(": ")
		if err := json.Indent(&b, m.value, "  ", "  "); err != nil {
			return nil, fmt.Errorf("member %q: %w", m.key, err)
		}
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}

// inputKey is the key colrun reads an input variable by: its key, else
// its id, else its name; a number or boolean as its text.
func inputKey(v map[string]json.RawMessage) string {
	for _, k := range [...]string{"key", "id", "name"} {
		raw := bytes.TrimSpace(v[k])
		var s string
		switch {
		case json.Unmarshal(raw, &s) == nil:
		case len(raw) > 0 && raw[0] != '{' && raw[0] != '[' && string(raw) != "null":
			s = string(raw)
		}
		if s != "" {
			return s
		}
	}
	return ""
}
