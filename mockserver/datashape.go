package mockserver

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// checkShape finds the first value of a decoded fixture (decoded with
// UseNumber) whose JSON type does not fit the field of t it goes into, or
// a key that is no field, and says where: encoding/json's errors name the
// Go type (`[]mockserver.Site`) and a path without indices (sites.name),
// which leaves a user to search a long fixture. Nulls are accepted, as
// encoding/json accepts them.
func checkShape(v any, t reflect.Type, path string) error {
	if v == nil {
		return nil
	}
	if t == reflect.TypeFor[time.Time]() {
		s, ok := v.(string)
		if !ok {
			return shapeError(path, "an RFC 3339 time string such as 2024-02-14T04:42:09Z", v)
		}
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			return fmt.Errorf("%s: %q is not an RFC 3339 time such as 2024-02-14T04:42:09Z", shapePath(path), s)
		}
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		if _, ok := v.(string); !ok {
			return shapeError(path, "a string", v)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			return shapeError(path, "true or false", v)
		}
	case reflect.Int:
		// encoding/json reads an int field with strconv.ParseInt, so
		// 1.5, 1e3 and numbers past int64 are refused.
		n, ok := v.(json.Number)
		if _, err := strconv.ParseInt(string(n), 10, 64); !ok || err != nil {
			return shapeError(path, "a whole number", v)
		}
	case reflect.Slice:
		list, ok := v.([]any)
		if !ok {
			of := "strings"
			if t.Elem().Kind() == reflect.Struct {
				of = "objects"
			}
			return shapeError(path, "an array of "+of, v)
		}
		for i, e := range list {
			if err := checkShape(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return shapeError(path, "an object", v)
		}
		return checkObject(obj, t, path)
	}
	return nil
}

// checkObject checks the members of a JSON object that goes into the
// struct type t, in the order of t's fields and then of unknown keys, so
// the first problem reported is stable.
func checkObject(obj map[string]any, t reflect.Type, path string) error {
	var names []string
	seen := map[string]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		names = append(names, name)
		key, ok := memberFor(obj, name)
		if !ok {
			continue
		}
		seen[key] = true
		if err := checkShape(obj[key], f.Type, joinPath(path, key)); err != nil {
			return err
		}
	}
	var unknown []string
	for k := range obj {
		if !seen[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	slices.Sort(unknown)
	return fmt.Errorf("%s: unknown field (the fields here are %s)", joinPath(path, unknown[0]), strings.Join(names, ", "))
}

// memberFor finds the key of obj that sets the field name: the exact key,
// or one that differs only in case, as encoding/json matches them.
func memberFor(obj map[string]any, name string) (string, bool) {
	if _, ok := obj[name]; ok {
		return name, true
	}
	for k := range obj {
		if strings.EqualFold(k, name) {
			return k, true
		}
	}
	return "", false
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// shapePath names a place in the fixture; the empty path is the document.
func shapePath(path string) string {
	if path == "" {
		return "the top level"
	}
	return path
}

// shapeError says what a place of the fixture wants and what it holds.
func shapeError(path, want string, got any) error {
	if path == "" {
		want += " (see mockserver/testdata/minimal.json)"
	}
	return fmt.Errorf("%s: want %s, got %s", shapePath(path), want, describeJSON(got))
}

// describeJSON shows a decoded JSON value in an error: scalars as written
// (a long string cut), arrays and objects by kind.
func describeJSON(v any) string {
	switch v := v.(type) {
	case string:
		const most = 40
		if r := []rune(v); len(r) > most {
			return strconv.Quote(string(r[:most])) + "..."
		}
		return strconv.Quote(v)
	case json.Number:
		return string(v)
	case bool:
		return strconv.FormatBool(v)
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "null"
}
