package einvoice_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/einvoice-go/einvoice"
)

func TestParseDate(t *testing.T) {
	valid := map[string]einvoice.Date{
		"2026-11-25": einvoice.NewDate(2026, time.November, 25),
		"2024-02-29": einvoice.NewDate(2024, time.February, 29), // leap year
		"2000-02-29": einvoice.NewDate(2000, time.February, 29), // divisible by 400
		"0001-01-01": einvoice.NewDate(1, time.January, 1),
		"9999-12-31": einvoice.NewDate(9999, time.December, 31),
	}
	for s, want := range valid {
		got, err := einvoice.ParseDate(s)
		if err != nil || got != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", s, got, err, want)
		}
		if got.String() != s {
			t.Errorf("%v.String() = %q, want %q", got, got.String(), s)
		}
	}
	for _, s := range []string{
		"2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
		"0000-01-01", "20261125", "2026-1-5", "2026/11/25", "25-11-2026", "", "2026-11-25T00:00:00",
		"+026-11-25", "2026-11-2x",
	} {
		if d, err := einvoice.ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", s, d)
		}
	}
}

func TestDateCompare(t *testing.T) {
	a, b := einvoice.NewDate(2026, time.January, 31), einvoice.NewDate(2026, time.February, 1)
	if !a.Before(b) || !b.After(a) || a.Compare(a) != 0 || b.Compare(a) != 1 {
		t.Error("date order is wrong")
	}
	if einvoice.NewDate(2025, time.December, 31).Compare(a) != -1 {
		t.Error("year order is wrong")
	}
}

func TestDateText(t *testing.T) {
	var zero einvoice.Date
	if !zero.IsZero() || zero.String() != "" {
		t.Error("the zero date is not absent")
	}
	b, err := json.Marshal(struct {
		D einvoice.Date `json:"d"`
		Z einvoice.Date `json:"z,omitzero"`
	}{D: einvoice.NewDate(2026, time.March, 5)})
	if err != nil || string(b) != `{"d":"2026-03-05"}` {
		t.Errorf("got %s, %v", b, err)
	}
	if _, err := einvoice.NewDate(2026, time.February, 30).MarshalText(); err == nil {
		t.Error("a date that does not exist marshals")
	}
	var d einvoice.Date
	if err := d.UnmarshalText([]byte("2026-02-30")); err == nil {
		t.Error("a date that does not exist unmarshals")
	}
	if err := d.UnmarshalText(nil); err != nil || !d.IsZero() {
		t.Error("empty text is not the zero date")
	}
}
