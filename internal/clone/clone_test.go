package clone

import (
	"reflect"
	"testing"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

var decimalType = reflect.TypeFor[decimal.Decimal]()

// fill sets every exported field of v, at every depth: a pointer to a new
// value, a slice of two elements, a string "x", a number 1, a decimal 1.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i))
		}
	case reflect.String:
		v.SetString("x")
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint8:
		v.SetUint(1)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Struct:
		if v.Type() == decimalType {
			v.Set(reflect.ValueOf(decimal.New(1, 0)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	}
}

// shared returns the paths where a and b share a group or a slice's array,
// but the figures behind pointers and the bytes of attachments.
func shared(a, b reflect.Value, path string) []string {
	var out []string
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() {
			return nil
		}
		if a.Type().Elem() == decimalType {
			return nil
		}
		if a.Pointer() == b.Pointer() {
			out = append(out, path)
		}
		return append(out, shared(a.Elem(), b.Elem(), path+"*")...)
	case reflect.Slice:
		if a.Len() == 0 {
			return nil
		}
		if a.Type().Elem().Kind() == reflect.Uint8 {
			return nil // an attachment's bytes
		}
		if a.Pointer() == b.Pointer() {
			out = append(out, path)
		}
		for i := range a.Len() {
			out = append(out, shared(a.Index(i), b.Index(i), path+"[]")...)
		}
	case reflect.Struct:
		if a.Type() == decimalType {
			return nil
		}
		for i := range a.NumField() {
			if a.Type().Field(i).IsExported() {
				out = append(out, shared(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name)...)
			}
		}
	}
	return out
}

// TestInvoice: the copy of an invoice whose every field, list and group is
// set equals it and shares no group nor list with it, at any depth.
func TestInvoice(t *testing.T) {
	var inv einvoice.Invoice
	fill(reflect.ValueOf(&inv).Elem())
	if inv.Lines[1].Item.Attributes[1].Measure == nil || inv.Invoicer.Address == nil {
		t.Fatal("fill left groups out")
	}
	c := Invoice(&inv)
	if !reflect.DeepEqual(c, &inv) {
		t.Fatal("the copy differs from the invoice")
	}
	if s := shared(reflect.ValueOf(c).Elem(), reflect.ValueOf(&inv).Elem(), ""); len(s) > 0 {
		t.Errorf("the copy shares with the invoice: %v", s)
	}
	var zero einvoice.Invoice
	if z := Invoice(&zero); !reflect.DeepEqual(z, &zero) {
		t.Error("the copy of the zero invoice is not zero")
	}
}
