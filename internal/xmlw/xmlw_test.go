package xmlw

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/shopspring/decimal"
)

func TestAppendDecimal(t *testing.T) {
	for _, c := range []struct {
		in     string
		places int32
		want   string
	}{
		{"0", 0, "0"},
		{"0", 2, "0.00"},
		{"100", 0, "100"},
		{"100", 2, "100.00"},
		{"1436.5", 1, "1436.5"},
		{"1436.5", 2, "1436.50"},
		{"12.30", 2, "12.30"},
		{"15.000", 2, "15.00"},
		{"-0.05", 2, "-0.05"},
		{"-0.00", 2, "0.00"},
		{"0.0001", 4, "0.0001"},
		{"12.3456", 4, "12.3456"},
		{"-987654321.12", 2, "-987654321.12"},
		{"123456789012345678901234.5", 1, "123456789012345678901234.5"},
		{"1e3", 0, "1000"},
		{"1e3", 2, "1000.00"},
	} {
		d := decimal.RequireFromString(c.in)
		if got := string(AppendDecimal([]byte("x"), d, c.places)); got != "x"+c.want {
			t.Errorf("AppendDecimal(%s, %d) = %q, want %q", c.in, c.places, got[1:], c.want)
		}
		if got, want := string(AppendDecimal(nil, d, c.places)), d.StringFixed(c.places); got != want {
			t.Errorf("AppendDecimal(%s, %d) = %q, StringFixed %q", c.in, c.places, got, want)
		}
	}
}

func TestFitsPlacesAndScale(t *testing.T) {
	for _, c := range []struct {
		in    string
		fits  bool
		scale int32
	}{
		{"100", true, 0}, {"12.30", true, 2}, {"15.000", true, 3}, {"12.345", false, 3}, {"1e2", true, 0},
	} {
		d := decimal.RequireFromString(c.in)
		if FitsPlaces(d, 2) != c.fits || Scale(d) != c.scale {
			t.Errorf("%s: FitsPlaces %v Scale %d", c.in, FitsPlaces(d, 2), Scale(d))
		}
	}
}

func TestAppendEscaped(t *testing.T) {
	const s = "a&b<c>d\"e'f\tg\nh\ri"
	if got, want := string(AppendEscaped(nil, s, false)), "a&amp;b&lt;c&gt;d\"e'f\tg\nh&#xD;i"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if got, want := string(AppendEscaped(nil, s, true)), "a&amp;b&lt;c&gt;d&quot;e'f&#x9;g&#xA;h&#xD;i"; got != want {
		t.Errorf("attribute %q, want %q", got, want)
	}
}

func TestDates(t *testing.T) {
	d := einvoice.NewDate(2026, time.March, 5)
	if got := string(AppendDate(nil, d)); got != "20260305" {
		t.Errorf("AppendDate %q", got)
	}
	if got := string(AppendISODate(nil, d)); got != "2026-03-05" {
		t.Errorf("AppendISODate %q", got)
	}
}

func TestWriter(t *testing.T) {
	w := &Writer{Depth: 1}
	w.Open("a")
	w.Open("empty")
	w.Close("empty")
	w.TextAttr("b", "id", `x"y`, "1 < 2")
	w.AmountCurrency("amt", decimal.RequireFromString("15.000"), "EUR", "BT-1")
	w.Quantity("q", decimal.RequireFromString("2.500"), "")
	w.Close("a")
	want := "\n  <a>\n    <empty/>\n    <b id=\"x&quot;y\">1 &lt; 2</b>\n    <amt currencyID=\"EUR\">15.00</amt>\n    <q>2.500</q>\n  </a>"
	if got := string(w.Buf); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if w.Err != nil {
		t.Error(w.Err)
	}
}

func TestFigure(t *testing.T) {
	w := &Writer{Compact: true, Figure: func(term, value, msg string) error { return errors.New(term + " " + value) }}
	w.Amount("a", decimal.RequireFromString("1.005"), "BT-131")
	w.Amount("a", decimal.RequireFromString("2.005"), "BT-106")
	if w.Err == nil || w.Err.Error() != "BT-131 1.005" {
		t.Errorf("Err %v, want the first figure's", w.Err)
	}
	w = &Writer{}
	w.Amount("a", decimal.RequireFromString("1.005"), "BT-131")
	if w.Err == nil || w.Err.Error() != "BT-131 = 1.005: an amount has at most 2 decimals; it is not rounded" {
		t.Errorf("without Figure: %v", w.Err)
	}
}

func TestNewline(t *testing.T) {
	for depth := 0; depth < 40; depth++ {
		w := &Writer{Depth: depth}
		w.Newline()
		if want := "\n" + strings.Repeat("  ", depth); string(w.Buf) != want {
			t.Errorf("depth %d: %q", depth, w.Buf)
		}
	}
}
