package modeltest

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

type inner struct {
	Amount decimal.Decimal
	Rate   *decimal.Decimal
}

type outer struct {
	Name  string
	Items []inner
	Opt   *inner
}

func dec(s string) decimal.Decimal  { return decimal.RequireFromString(s) }
func ptr(s string) *decimal.Decimal { d := dec(s); return &d }

func TestDiff(t *testing.T) {
	base := func() outer {
		return outer{Name: "a", Items: []inner{{Amount: dec("12.30"), Rate: ptr("20")}}}
	}
	cases := []struct {
		name   string
		change func(*outer)
		want   string // a fragment of the only difference, "" for none
	}{
		{"equal", func(*outer) {}, ""},
		{"same value, other scale", func(o *outer) { o.Items[0].Amount = dec("12.3") }, "Items[0].Amount: 12.30 != 12.3"},
		{"other value", func(o *outer) { o.Items[0].Amount = dec("12.31") }, "Items[0].Amount"},
		{"nil pointer", func(o *outer) { o.Items[0].Rate = nil }, "Items[0].Rate: nil and non-nil"},
		{"string", func(o *outer) { o.Name = "b" }, "Name"},
		{"length", func(o *outer) { o.Items = nil }, "Items: lengths 1 and 0"},
		{"optional group", func(o *outer) { o.Opt = &inner{} }, "Opt: nil and non-nil"},
		{"zero decimals", func(o *outer) { o.Items = append(o.Items, inner{}) }, "Items: lengths"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b := base(), base()
			c.change(&b)
			d := Diff(a, b)
			if c.want == "" {
				if len(d) != 0 {
					t.Fatalf("want no difference, got %q", d)
				}
				return
			}
			if len(d) != 1 || !strings.Contains(d[0], c.want) {
				t.Fatalf("want one difference containing %q, got %q", c.want, d)
			}
		})
	}
	// Zero decimals built differently are equal.
	if d := Diff(inner{Amount: decimal.Decimal{}}, inner{Amount: dec("0")}); len(d) != 0 {
		t.Fatalf("zero decimals differ: %q", d)
	}
	// Empty and nil slices mean the same.
	if d := Diff(outer{Items: []inner{}}, outer{}); len(d) != 0 {
		t.Fatalf("empty and nil slices differ: %q", d)
	}
}
