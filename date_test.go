package einvoice_test

import (
	"encoding/json"
	"math/rand/v2"
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

// TestAddDays: AddDays gives what time.Date gives with the days added, on
// every kind of date (leap days, the turn of centuries, years before 1 and
// after 9999, dates and months out of range) and of shift.
func TestAddDays(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	check := func(d einvoice.Date, n int) {
		t.Helper()
		tm := time.Date(d.Year, d.Month, d.Day+n, 0, 0, 0, 0, time.UTC)
		want := einvoice.Date{Year: tm.Year(), Month: tm.Month(), Day: tm.Day()}
		if got := d.AddDays(n); got != want {
			t.Fatalf("%d-%d-%d plus %d days: %v, want %v", d.Year, d.Month, d.Day, n, got, want)
		}
	}
	for _, d := range []einvoice.Date{{2024, 2, 28}, {2024, 2, 29}, {2023, 2, 28}, {2000, 2, 29}, {1900, 2, 28}, {2100, 3, 1},
		{1970, 1, 1}, {1969, 12, 31}, {1, 1, 1}, {0, 3, 1}, {-1, 12, 31}, {9999, 12, 31}, {2026, 2, 30}, {2026, 13, 1}, {2026, 0, 15}, {2026, -14, 0}} {
		for _, n := range []int{0, 1, -1, 27, 28, 29, 30, 31, 59, 60, 365, 366, -365, -366, 146097, -146097, 1_000_000, -1_000_000} {
			check(d, n)
		}
	}
	for i := 0; i < 100000; i++ {
		d := einvoice.Date{Year: r.IntN(12000) - 1000, Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(31)}
		n := r.IntN(2001) - 1000
		if i%10 == 0 {
			n = r.IntN(8_000_000) - 4_000_000
		}
		check(d, n)
	}
}
