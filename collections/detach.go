package collections

import (
	"reflect"
	"strings"
	"sync"
)

// detach copies every string v holds, so that none shares memory with the
// document it was read from. gjson reads in place: the names, URLs and
// scripts the decoders keep are slices of the file's text, and any one of
// them would keep the whole text alive for the run, saved example
// responses and all. Walking the model by reflection keeps this true as
// the model grows. The model is a tree except for Item.Parent, which
// points back up and is not followed.
func detach(v any) {
	walkStrings(reflect.ValueOf(v))
}

var itemType = reflect.TypeFor[Item]()

func walkStrings(v reflect.Value) {
	switch v.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int64, reflect.Float64:
		// The model's scalars, the most common values after strings:
		// settled without a lookup in the type cache.
		return
	case reflect.String:
		// Strings are the bulk of the model: no lookup either.
	default:
		if !holdsStrings(v.Type()) {
			return
		}
	}
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() && v.Len() > 0 {
			v.SetString(strings.Clone(v.String()))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkStrings(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type() == itemType && v.Type().Field(i).Name == "Parent" {
				continue
			}
			walkStrings(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walkStrings(v.Index(i))
		}
	case reflect.Interface:
		if v.IsNil() || !v.CanSet() {
			return
		}
		// The value inside an interface cannot be changed in place: walk a
		// copy and put it back.
		c := reflect.New(v.Elem().Type()).Elem()
		c.Set(v.Elem())
		walkStrings(c)
		v.Set(c)
	case reflect.Map:
		if v.IsNil() {
			return
		}
		type entry struct{ k, v reflect.Value }
		var entries []entry
		for iter := v.MapRange(); iter.Next(); {
			k := reflect.New(iter.Key().Type()).Elem()
			k.Set(iter.Key())
			e := reflect.New(iter.Value().Type()).Elem()
			e.Set(iter.Value())
			walkStrings(k)
			walkStrings(e)
			entries = append(entries, entry{k, e})
		}
		for _, e := range entries {
			v.SetMapIndex(e.k, e.v)
		}
	}
}

// stringTypes caches holdsStrings per type.
var stringTypes sync.Map // reflect.Type -> bool

// holdsStrings reports whether a value of type t can hold a string, so
// the walk skips numbers, bools and byte slices without looking inside.
func holdsStrings(t reflect.Type) bool {
	if v, ok := stringTypes.Load(t); ok {
		return v.(bool)
	}
	stringTypes.Store(t, true) // a recursive type holds strings if any part does
	var has bool
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		has = true
	case reflect.Pointer, reflect.Array:
		has = holdsStrings(t.Elem())
	case reflect.Slice:
		has = t.Elem().Kind() != reflect.Uint8 && holdsStrings(t.Elem())
	case reflect.Map:
		has = holdsStrings(t.Key()) || holdsStrings(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if holdsStrings(t.Field(i).Type) {
				has = true
				break
			}
		}
	}
	stringTypes.Store(t, has)
	return has
}
