package einvoicetest

import (
	"strconv"
	"strings"
	"testing"
)

// TestArena: the strings an arena returns stay as they were while more is
// written, across its growth; a nil arena gives the same strings.
func TestArena(t *testing.T) {
	var a arena
	a.b.Grow(16) // small: the writes below grow it many times
	var got, want []string
	for i := range 500 {
		n := strconv.Itoa(i)
		var s string
		switch i % 3 {
		case 0:
			s = a.cat("n°", n, " & <", n, ">")
		case 1:
			s = a.bytes([]byte("Rue " + n))
		default:
			s = a.cat()
		}
		got = append(got, s)
		want = append(want, map[int]string{0: "n°" + n + " & <" + n + ">", 1: "Rue " + n, 2: ""}[i%3])
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("string %d is %q, want %q", i, got[i], want[i])
		}
	}
	if a.b.Len() != len(strings.Join(want, "")) {
		t.Errorf("the arena holds %d bytes, want %d", a.b.Len(), len(strings.Join(want, "")))
	}
	var none *arena
	if s := none.cat("a", "b", "c"); s != "abc" {
		t.Errorf("nil arena cat: %q", s)
	}
	if s := none.bytes([]byte("xyz")); s != "xyz" {
		t.Errorf("nil arena bytes: %q", s)
	}
}
