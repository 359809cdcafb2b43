package pdfscan

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseObject(t *testing.T) {
	tests := []struct {
		in   string
		want Object
	}{
		{"null", nil},
		{"true", true},
		{"false ", false},
		{"42", int64(42)},
		{"-17", int64(-17)},
		{"+5", int64(5)},
		{"3.25", 3.25},
		{"-.5", -0.5},
		{"4.", 4.0},
		{"--5", -5.0},  // lenient, as viewers
		{"1.2.3", 1.2}, // lenient
		{"-", 0.0},
		{"99999999999999999999", 1e20}, // beyond int64: a real
		{"12 0 R", Ref{12, 0}},
		{"12 0 R/Next", Ref{12, 0}},
		{"12 0 Rx", int64(12)},
		{"-12 0 R", int64(-12)},
		{"/Name", Name("Name")},
		{"/text#2Fxml", Name("text/xml")},
		{"/A#20B", Name("A B")},
		{"/A#2", Name("A#2")},    // bad escape kept
		{"/#41#4a", Name("AJ")},  // both cases of hex digits
		{"/", Name("")},          // the empty name
		{"/F#23", Name("F#")},    // escaped #
		{"/a/b", Name("a")},      // a name ends at a delimiter
		{"(abc)", String("abc")}, // fast path
		{"(a(b)c)", String("a(b)c")},
		{`(a\)b)`, String("a)b")},
		{`(\n\r\t\b\f\\\(\))`, String("\n\r\t\b\f\\()")},
		{`(\101\60\0601)`, String("A00" + "1")},
		{`(\7)`, String("\x07")},
		{`(\q)`, String("q")}, // unknown escape: the character
		{"(a\\\nb)", String("ab")},
		{"(a\\\r\nb)", String("ab")},
		{"(a\r\nb)", String("a\nb")}, // end of line read as \n
		{"(a\rb)", String("a\nb")},
		{"()", String("")},
		{"<48656C6C6F>", String("Hello")},
		{"<48 65 6c\n6c 6f>", String("Hello")},
		{"<486>", String("H`")}, // odd: last digit padded with 0
		{"<>", String("")},
		{"[1 2 0 R /X (s) [true] << /K null >>]", Array{int64(1), Ref{2, 0}, Name("X"), String("s"), Array{true}, Dict{{"K", nil}}}},
		{"[1 2 3]", Array{int64(1), int64(2), int64(3)}},
		{"[]", Array{}},
		{"<< /Type /Catalog /Pages 2 0 R >>", Dict{{"Type", Name("Catalog")}, {"Pages", Ref{2, 0}}}},
		{"<</A 1/B<</C[2]>>>>", Dict{{"A", int64(1)}, {"B", Dict{{"C", Array{int64(2)}}}}}},
		{"<< /A >>", Dict{{"A", nil}}}, // key without value
		{"% comment\n<< /A % c\n 1 >>", Dict{{"A", int64(1)}}},
	}
	for _, tt := range tests {
		got, err := ParseObject([]byte(tt.in))
		if err != nil {
			t.Errorf("ParseObject(%q): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseObject(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestParseObjectErrors(t *testing.T) {
	for _, in := range []string{
		"", "   ", "(unterminated", "<48", "<4G>", "[1 2", "<< /A 1", "<< 1 2 >>", "<< /A 1 > >>",
		")", "]", ">>", "{", "foo", "<< /A endobj >>",
		strings.Repeat("[", MaxDepth+2) + strings.Repeat("]", MaxDepth+2),
		strings.Repeat("<</A ", MaxDepth+2),
	} {
		_, err := ParseObject([]byte(in))
		if err == nil {
			t.Errorf("ParseObject(%q): no error", in)
			continue
		}
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrSyntax) || e.Offset < 0 {
			t.Errorf("ParseObject(%q): error %v is not a located syntax error", in, err)
		}
	}
	// Nesting just within the limit is fine.
	in := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if _, err := ParseObject([]byte(in)); err != nil {
		t.Errorf("depth %d: %v", MaxDepth, err)
	}
}

func TestDict(t *testing.T) {
	d := Dict{{"A", int64(1)}, {"B", nil}, {"A", int64(2)}}
	if got := d.Get("A"); got != int64(2) {
		t.Errorf("Get(A) = %v, want the last value 2", got)
	}
	if d.Has("B") || d.Has("C") || !d.Has("A") {
		t.Error("Has: a null value or a missing key must read as absent")
	}
	if v, ok := Int(12.0); !ok || v != 12 {
		t.Error("Int(12.0)")
	}
	if _, ok := Int(12.5); ok {
		t.Error("Int(12.5) must fail")
	}
	if _, ok := Int(Name("x")); ok {
		t.Error("Int(name) must fail")
	}
}

func TestTextString(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"factur-x.xml", "factur-x.xml"},
		{"\xfe\xff\x00f\x00a\x00c", "fac"},
		{"\xfe\xff\xd8\x3d\xde\x00", "\U0001F600"},
		{"\xff\xfef\x00a\x00", "fa"},
		{"\xef\xbb\xbfd\xc3\xa9j\xc3\xa0", "déjà"},
		{"caf\xe9", "café"},
		{"\x80\x84\xa0", "•—€"},
		{"\x18", "˘"},
	}
	for _, tt := range tests {
		if got := TextString([]byte(tt.in)); got != tt.want {
			t.Errorf("TextString(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Num: 12, Gen: 0, Offset: 345, Msg: "m", Err: ErrSyntax}, "object 12 0 (offset 345): m: syntax error"},
		{&Error{Num: 12, Offset: -1, Err: ErrLoop}, "object 12 0: reference loop"},
		{&Error{Offset: 7, Msg: "m"}, "offset 7: m"},
		{&Error{Offset: -1, Msg: "m"}, "pdf: m"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

// FuzzParseObject: the parser never panics, and what it accepts is one of
// the object types.
func FuzzParseObject(f *testing.F) {
	for _, s := range []string{
		"<< /Type /Catalog /Names << /EmbeddedFiles 3 0 R >> /AF [4 0 R] >>",
		"[(a\\)b) <48656C> /N#20x 1 0 R -.5 [[]] << /A >>]",
		"(\\101\\r\\\n(nested))", "12 0 R", "<</W[1 4 2]/Index[0 9]>>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		o, err := ParseObject(b)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *Error", err)
			}
			return
		}
		checkTypes(t, o, 0)
	})
}

func checkTypes(t *testing.T, o Object, depth int) {
	if depth > MaxDepth+1 {
		t.Fatal("object nested beyond MaxDepth")
	}
	switch o := o.(type) {
	case nil, bool, int64, float64, String, Name, Ref:
	case Array:
		for _, v := range o {
			checkTypes(t, v, depth+1)
		}
	case Dict:
		for _, kv := range o {
			checkTypes(t, kv.Value, depth+1)
		}
	default:
		t.Fatalf("unexpected type %T", o)
	}
}
