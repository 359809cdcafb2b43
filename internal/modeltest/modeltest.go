// Package modeltest compares invoice models in tests: a deep comparison in
// which decimals are equal when they have the same value and the same
// number of decimals ("12.30" equals "12.30" but neither "12.3" nor
// "12.300"), since the model keeps the precision it is given.
package modeltest

import (
	"fmt"
	"reflect"

	"github.com/shopspring/decimal"
)

var decimalType = reflect.TypeFor[decimal.Decimal]()

// Diff returns the differences between a and b, one line each with the
// path of the field, or nil when they are equal.
func Diff(a, b any) []string {
	var d []string
	diff(&d, "", reflect.ValueOf(a), reflect.ValueOf(b))
	return d
}

func diff(out *[]string, path string, a, b reflect.Value) {
	if !a.IsValid() || !b.IsValid() {
		if a.IsValid() != b.IsValid() {
			*out = append(*out, fmt.Sprintf("%s: one side is missing", path))
		}
		return
	}
	if a.Type() != b.Type() {
		*out = append(*out, fmt.Sprintf("%s: types %s and %s", path, a.Type(), b.Type()))
		return
	}
	if a.Type() == decimalType {
		da, db := a.Interface().(decimal.Decimal), b.Interface().(decimal.Decimal)
		if !da.Equal(db) || scale(da) != scale(db) {
			*out = append(*out, fmt.Sprintf("%s: %s != %s", path, show(da), show(db)))
		}
		return
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				*out = append(*out, fmt.Sprintf("%s: nil and non-nil (%v, %v)", path, describe(a), describe(b)))
			}
			return
		}
		diff(out, path, a.Elem(), b.Elem())
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			diff(out, join(path, a.Type().Field(i).Name), a.Field(i), b.Field(i))
		}
	case reflect.Slice:
		if a.Len() != b.Len() {
			*out = append(*out, fmt.Sprintf("%s: lengths %d and %d", path, a.Len(), b.Len()))
			return
		}
		if a.Len() == 0 && a.IsNil() != b.IsNil() {
			// An empty slice and a nil slice mean the same: nothing.
			return
		}
		for i := 0; i < a.Len(); i++ {
			diff(out, fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i))
		}
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			*out = append(*out, fmt.Sprintf("%s: %#v != %#v", path, a.Interface(), b.Interface()))
		}
	}
}

// scale is the number of decimals a decimal is written with.
func scale(d decimal.Decimal) int32 {
	if e := d.Exponent(); e < 0 {
		return -e
	}
	return 0
}

func show(d decimal.Decimal) string { return d.StringFixed(scale(d)) }

func describe(v reflect.Value) string {
	if v.IsNil() {
		return "nil"
	}
	if v.Type().Elem() == decimalType {
		return show(v.Elem().Interface().(decimal.Decimal))
	}
	return fmt.Sprintf("%+v", v.Elem().Interface())
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}
