package einvoice

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The JSON form of the model: encoding/json with the field names of the
// json tags (lower camel case), dates as "YYYY-MM-DD", and every decimal
// (amounts, prices, quantities, rates) as a string that keeps the value's
// own precision: "12.30" stays "12.30", "9.1234" stays "9.1234". The types
// that hold decimals implement json.Marshaler for that; decimal's own
// MarshalJSON would trim trailing zeros.
//
// Decoding is strict, so that nothing is silently dropped: an unknown or
// duplicated field name, an amount that is not a plain decimal number, a
// date that does not exist, or a value of the wrong type is an error
// (*DecodeError) that names its JSON path and line.

// formatExact writes a decimal with exactly its own number of decimals.
func formatExact(d decimal.Decimal) string {
	places := -d.Exponent()
	if places < 0 {
		places = 0
	}
	return d.StringFixed(places)
}

// MarshalJSON implements json.Marshaler, keeping the precision of each figure.
func (t Totals) MarshalJSON() ([]byte, error) { return marshalModel(reflect.ValueOf(t)) }

// MarshalJSON implements json.Marshaler, keeping the precision of each figure.
func (b VATBreakdown) MarshalJSON() ([]byte, error) { return marshalModel(reflect.ValueOf(b)) }

// MarshalJSON implements json.Marshaler, keeping the precision of each figure.
func (a Allowance) MarshalJSON() ([]byte, error) { return marshalModel(reflect.ValueOf(a)) }

// MarshalJSON implements json.Marshaler, keeping the precision of each figure.
func (c Charge) MarshalJSON() ([]byte, error) { return marshalModel(reflect.ValueOf(c)) }

// MarshalJSON implements json.Marshaler, keeping the precision of the rate.
func (v VAT) MarshalJSON() ([]byte, error) { return marshalModel(reflect.ValueOf(v)) }

// MarshalJSON implements json.Marshaler, keeping the precision of each figure.
func (l Line) MarshalJSON() ([]byte, error) { return marshalModel(reflect.ValueOf(l)) }

// MarshalJSON implements json.Marshaler, keeping the precision of each figure.
func (a LineAllowance) MarshalJSON() ([]byte, error) { return marshalModel(reflect.ValueOf(a)) }

// MarshalJSON implements json.Marshaler, keeping the precision of each figure.
func (c LineCharge) MarshalJSON() ([]byte, error) { return marshalModel(reflect.ValueOf(c)) }

// MarshalJSON implements json.Marshaler, keeping the precision of each figure.
func (p Price) MarshalJSON() ([]byte, error) { return marshalModel(reflect.ValueOf(p)) }

// MarshalJSON implements json.Marshaler, keeping the precision of the value.
func (m Measure) MarshalJSON() ([]byte, error) { return marshalModel(reflect.ValueOf(m)) }

var (
	decimalType = reflect.TypeFor[decimal.Decimal]()
	dateType    = reflect.TypeFor[Date]()
)

type zeroer interface{ IsZero() bool }

// marshalModel writes a model struct as encoding/json would, following its
// json tags, but writes decimal fields with formatExact.
func marshalModel(v reflect.Value) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	t := v.Type()
	first := true
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fv := v.Field(i)
		if omitted(fv, opts) {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.WriteString(strconv.Quote(name))
		b.WriteByte(':')
		if fv.Kind() == reflect.Pointer && fv.Type().Elem() == decimalType {
			fv = fv.Elem()
		}
		if fv.Type() == decimalType {
			b.WriteByte('"')
			b.WriteString(formatExact(fv.Interface().(decimal.Decimal)))
			b.WriteByte('"')
			continue
		}
		// Like encoding/json, but without escaping <, > and &: the caller's
		// encoder escapes them or not, as it is set to.
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(fv.Interface()); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1) // Encode's newline
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func omitted(v reflect.Value, opts string) bool {
	for opt := range strings.SplitSeq(opts, ",") {
		switch opt {
		case "omitempty":
			switch v.Kind() {
			case reflect.Pointer, reflect.Interface:
				if v.IsNil() {
					return true
				}
			case reflect.Slice, reflect.Map, reflect.String:
				if v.Len() == 0 {
					return true
				}
			case reflect.Bool:
				if !v.Bool() {
					return true
				}
			}
		case "omitzero":
			if z, ok := v.Interface().(zeroer); ok {
				if z.IsZero() {
					return true
				}
			} else if v.IsZero() {
				return true
			}
		}
	}
	return false
}

// DecodeError is malformed input at a known place: a JSON or XML document
// that cannot become an invoice, or part of one.
type DecodeError struct {
	// Format is the input's format: "json", "cii", "ubl".
	Format string
	// Line and Column locate the problem in the input, counted from 1; 0 if
	// unknown.
	Line, Column int
	// Path is the location in the document: a JSON path such as
	// lines[2].price.net, or an XML element path.
	Path string
	// Terms are the EN 16931 business terms concerned, when known.
	Terms []string
	// Msg says what is wrong.
	Msg string
	// Err is the underlying error, if any.
	Err error
}

func (e *DecodeError) Error() string {
	var b strings.Builder
	b.WriteString("einvoice: ")
	if e.Format != "" {
		b.WriteString(e.Format)
		b.WriteString(": ")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d, column %d: ", e.Line, e.Column)
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		if len(e.Terms) > 0 {
			b.WriteString(" (" + strings.Join(e.Terms, ", ") + ")")
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

func (e *DecodeError) Unwrap() error { return e.Err }

// DecodeJSON reads one invoice in the JSON form from r. It is
// json.Unmarshal into an Invoice, with the checks of Invoice.UnmarshalJSON,
// and an error for anything but white space after the invoice.
func DecodeJSON(r io.Reader) (*Invoice, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	inv := new(Invoice)
	if err := inv.UnmarshalJSON(data); err != nil {
		return nil, err
	}
	return inv, nil
}

// UnmarshalJSON implements json.Unmarshaler with the strict checks of the
// JSON form: unknown or duplicate fields, malformed amounts and dates, and
// values of the wrong type are a *DecodeError naming the JSON path.
func (inv *Invoice) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	w := &jsonWalker{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	w.dec.UseNumber()
	if err := w.document(reflect.TypeFor[Invoice]()); err != nil {
		return err
	}
	type plain Invoice
	var out plain
	if err := json.Unmarshal(data, &out); err != nil {
		// The walk checks everything json.Unmarshal does; this is a safety net.
		return &DecodeError{Format: "json", Msg: err.Error(), Err: err}
	}
	*inv = Invoice(out)
	return nil
}

// jsonWalker checks a JSON document against a model type before
// encoding/json decodes it, so that every error has a path and a line.
type jsonWalker struct {
	data []byte
	dec  *json.Decoder
	path []string
	// start is the offset where the current value starts.
	start int64
}

func (w *jsonWalker) document(t reflect.Type) error {
	tok, err := w.token()
	if err != nil {
		return err
	}
	if err := w.value(t, tok); err != nil {
		return err
	}
	if _, err := w.dec.Token(); err != io.EOF {
		return w.errorf("data after the invoice")
	}
	return nil
}

func (w *jsonWalker) token() (json.Token, error) {
	w.start = w.dec.InputOffset()
	tok, err := w.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		msg := err.Error()
		off := w.dec.InputOffset()
		if errors.As(err, &se) {
			off = se.Offset
		}
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			msg = "unexpected end of input"
			off = int64(len(w.data))
		}
		w.start = off
		return nil, w.wrap(msg, err)
	}
	// Token skips the separators; point at the value itself.
	for w.start < int64(len(w.data)) && strings.IndexByte(" \t\r\n,:", w.data[w.start]) >= 0 {
		w.start++
	}
	return tok, nil
}

func (w *jsonWalker) errorf(format string, args ...any) error {
	return w.wrap(fmt.Sprintf(format, args...), nil)
}

func (w *jsonWalker) wrap(msg string, err error) error {
	line, col := 1, 1
	for i := int64(0); i < w.start && i < int64(len(w.data)); i++ {
		if w.data[i] == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &DecodeError{Format: "json", Line: line, Column: col, Path: w.pathString(), Msg: msg, Err: err}
}

func (w *jsonWalker) pathString() string {
	var b strings.Builder
	for _, p := range w.path {
		if !strings.HasPrefix(p, "[") && b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

// value checks the value that starts with tok against type t.
func (w *jsonWalker) value(t reflect.Type, tok json.Token) error {
	if tok == nil { // null: encoding/json leaves the field as it is
		return nil
	}
	switch {
	case t == decimalType:
		return w.decimal(tok)
	case t == dateType:
		s, ok := tok.(string)
		if !ok {
			return w.errorf("expected a date as a string \"YYYY-MM-DD\", found %s", describe(tok))
		}
		if _, err := ParseDate(s); err != nil {
			return w.errorf("bad date %q: want an existing date as YYYY-MM-DD", s)
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		return w.value(t.Elem(), tok)
	case reflect.Struct:
		return w.object(t, tok)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 { // []byte: base64 text
			s, ok := tok.(string)
			if !ok {
				return w.errorf("expected base64 text, found %s", describe(tok))
			}
			var b []byte
			if err := json.Unmarshal([]byte(strconv.Quote(s)), &b); err != nil {
				return w.errorf("bad base64 content: %v", err)
			}
			return nil
		}
		return w.array(t, tok)
	case reflect.String:
		if _, ok := tok.(string); !ok {
			return w.errorf("expected a string, found %s", describe(tok))
		}
	case reflect.Bool:
		if _, ok := tok.(bool); !ok {
			return w.errorf("expected true or false, found %s", describe(tok))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := tok.(json.Number)
		if !ok {
			return w.errorf("expected an integer, found %s", describe(tok))
		}
		if _, err := strconv.ParseInt(string(n), 10, t.Bits()); err != nil {
			return w.errorf("bad integer %s", n)
		}
	default:
		return w.errorf("cannot decode into %s", t)
	}
	return nil
}

// decimal checks an amount, price, quantity or rate: a string (or a JSON
// number) holding a plain decimal number, without exponent.
func (w *jsonWalker) decimal(tok json.Token) error {
	var s string
	switch v := tok.(type) {
	case string:
		s = v
	case json.Number:
		s = string(v)
	default:
		return w.errorf("expected a decimal number as a string such as \"12.30\", found %s", describe(tok))
	}
	if !plainDecimal(s) {
		return w.errorf("bad decimal number %q: want digits with an optional sign and decimal point, such as \"-12.30\"", s)
	}
	return nil
}

// plainDecimal reports whether s is [+-]?digits[.digits], with at most 40
// digits before the point and 40 after.
func plainDecimal(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if intPart == "" || len(intPart) > 40 || len(frac) > 40 || (hasPoint && frac == "") {
		return false
	}
	for _, part := range [2]string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			if part[i] < '0' || part[i] > '9' {
				return false
			}
		}
	}
	return true
}

func (w *jsonWalker) object(t reflect.Type, tok json.Token) error {
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return w.errorf("expected an object, found %s", describe(tok))
	}
	seen := make(map[string]bool)
	for {
		tok, err := w.token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok && d == '}' {
			return nil
		}
		key := tok.(string) // the decoder guarantees a string key here
		w.path = append(w.path, key)
		f, ok := fieldByJSONName(t, key)
		if !ok {
			return w.errorf("unknown field %q", key)
		}
		if seen[key] {
			return w.errorf("field %q given twice", key)
		}
		seen[key] = true
		vt, err := w.token()
		if err != nil {
			return err
		}
		if err := w.value(f.Type, vt); err != nil {
			return err
		}
		w.path = w.path[:len(w.path)-1]
	}
}

func (w *jsonWalker) array(t reflect.Type, tok json.Token) error {
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return w.errorf("expected an array, found %s", describe(tok))
	}
	for i := 0; ; i++ {
		tok, err := w.token()
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok && d == ']' {
			return nil
		}
		w.path = append(w.path, "["+strconv.Itoa(i)+"]")
		if err := w.value(t.Elem(), tok); err != nil {
			return err
		}
		w.path = w.path[:len(w.path)-1]
	}
}

// fieldByJSONName finds the field of struct type t whose json name is
// exactly name (encoding/json would also accept other letter cases; the
// JSON form does not).
func fieldByJSONName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		n, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if n == "-" {
			continue
		}
		if n == "" {
			n = f.Name
		}
		if n == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func describe(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '{':
			return "an object"
		case '[':
			return "an array"
		}
		return strconv.Quote(v.String())
	case string:
		return "the string " + strconv.Quote(v)
	case json.Number:
		return "the number " + string(v)
	case bool:
		return "the boolean " + strconv.FormatBool(v)
	}
	return "null"
}
