package einvoice

import (
	"fmt"
	"time"
)

// Date is a civil date: a year, a month and a day, with no time of day and no
// time zone, as every date of EN 16931 is. The zero Date means "absent".
//
// Its text and JSON form is YYYY-MM-DD.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date year-month-day. It does not check the date; use
// ParseDate or Date.Valid for that.
func NewDate(year int, month time.Month, day int) Date {
	return Date{Year: year, Month: month, Day: day}
}

// ParseDate parses a date in the form YYYY-MM-DD and checks that it exists
// in the calendar.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("einvoice: date %q is not in the form YYYY-MM-DD", s)
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("einvoice: date %q is not in the form YYYY-MM-DD", s)
	}
	date := Date{Year: y, Month: time.Month(m), Day: d}
	if !date.Valid() {
		return Date{}, fmt.Errorf("einvoice: date %q does not exist", s)
	}
	return date, nil
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// IsZero reports whether d is the zero Date, which stands for an absent date.
func (d Date) IsZero() bool { return d == Date{} }

// Valid reports whether d is a real calendar date between the years 1 and 9999.
func (d Date) Valid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	return d.Day <= daysIn(d.Month, d.Year)
}

func daysIn(m time.Month, year int) int {
	switch m {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// String returns the date as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.appendTo(make([]byte, 0, 10)))
}

func (d Date) appendTo(b []byte) []byte {
	b = appendPadded(b, d.Year, 4)
	b = append(b, '-')
	b = appendPadded(b, int(d.Month), 2)
	b = append(b, '-')
	return appendPadded(b, d.Day, 2)
}

func appendPadded(b []byte, n, width int) []byte {
	var buf [8]byte
	i := len(buf)
	for n > 0 || width > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		width--
		if i == 0 {
			break
		}
	}
	return append(b, buf[i:]...)
}

// AddDays returns the date n days after d (before it, for a negative n),
// as time.Date(d.Year, d.Month, d.Day+n, ...) gives it, without going
// through a time.Time: a date out of range is normalized the same way
// (2026-02-30 plus 0 days is 2026-03-02).
func (d Date) AddDays(n int) Date { return dateOfDay(d.day() + n) }

// day returns the number of days from 1970-01-01 to d, counted in the
// proleptic Gregorian calendar: the days of the years since a 400-year era
// began, with years starting on March 1 so that the leap day comes last.
func (d Date) day() int {
	y, m := d.Year, int(d.Month)-1 // m: 0 .. 11 once normalized
	y += floorDiv(m, 12)
	m -= 12 * floorDiv(m, 12)
	if m < 2 { // January and February end the previous year
		y--
		m += 12
	}
	era := floorDiv(y, 400)
	yoe := y - 400*era                     // 0 .. 399
	doy := (153*(m-2)+2)/5 + d.Day - 1     // from March 1
	doe := 365*yoe + yoe/4 - yoe/100 + doy // 0 .. 146096 for a valid date
	return 146097*era + doe - 719468       // 719468: 0000-03-01 to 1970-01-01
}

// dateOfDay is the inverse of Date.day.
func dateOfDay(z int) Date {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - 146097*era
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153 // 0 is March
	day := doy - (153*mp+2)/5 + 1
	y, m := yoe+400*era, mp+3
	if m > 12 {
		y++
		m -= 12
	}
	return Date{Year: y, Month: time.Month(m), Day: day}
}

// floorDiv is a / b rounded towards minus infinity; b > 0.
func floorDiv(a, b int) int {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	default:
		return sign(d.Day - e.Day)
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// MarshalText implements encoding.TextMarshaler: YYYY-MM-DD, or an error
// for a date that does not exist. The zero Date marshals as "".
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	if !d.Valid() {
		return nil, fmt.Errorf("einvoice: date %04d-%02d-%02d does not exist", d.Year, int(d.Month), d.Day)
	}
	return d.appendTo(make([]byte, 0, 10)), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; "" gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
