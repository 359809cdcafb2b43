package pdfscan

import (
	"bytes"
	"compress/flate"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"
	"sync"
)

// maxFilters bounds the length of a filter chain.
const maxFilters = 8

// Decode returns the decoded data of s. limit, when positive, bounds the
// result; all decoding of the Reader also shares Options.MaxDecoded. An
// unfiltered stream is returned as it is stored, a slice of the file: do
// not modify it. Errors name the stream's object and wrap ErrLimit,
// ErrUnsupportedFilter or the decoder's error.
func (r *Reader) Decode(s *Stream, limit int64) ([]byte, error) {
	fail := func(msg string, err error) error {
		return &Error{Num: s.Num, Gen: s.Gen, Offset: s.Offset, Msg: msg, Err: err}
	}
	if s.truncated {
		return nil, fail("the file ends within the stream's data", ErrTruncated)
	}
	filters, parms, err := r.filters(s.Dict)
	if err != nil {
		return nil, fail("", err)
	}
	for i, f := range filters {
		if !supported(f, parms[i]) {
			if f == "Crypt" {
				return nil, fail("/Crypt filter (encrypted stream)", ErrUnsupportedFilter)
			}
			return nil, fail("/"+string(f), ErrUnsupportedFilter)
		}
	}
	data := s.Raw
	if len(filters) == 0 {
		if limit > 0 && int64(len(data)) > limit {
			return nil, fail(fmt.Sprintf("stream of %d bytes", len(data)), ErrLimit)
		}
		return data, nil
	}
	hint := 0
	if n, ok := Int(r.Dict(s.Dict.Get("Params")).Get("Size")); ok && n > 0 {
		hint = int(min(n, 1<<24))
	} else if n, ok := Int(s.Dict.Get("DL")); ok && n > 0 {
		hint = int(min(n, 1<<24))
	}
	for i, f := range filters {
		lim := max(r.budget, 0)
		if limit > 0 && limit < lim {
			lim = limit
		}
		if i < len(filters)-1 {
			hint = 0
		}
		var out []byte
		switch f {
		case "FlateDecode", "Fl":
			out, err = r.inflater.inflate(data, lim, hint)
		case "LZWDecode", "LZW":
			early := int64(1)
			if v, ok := Int(parms[i].Get("EarlyChange")); ok {
				early = v
			}
			out, err = lzwDecode(data, early != 0, lim)
		case "ASCIIHexDecode", "AHx":
			out, err = asciiHexDecode(data, lim)
		case "ASCII85Decode", "A85":
			out, err = ascii85Decode(data, lim)
		case "RunLengthDecode", "RL":
			out, err = runLengthDecode(data, lim)
		default: // Crypt with the Identity filter
			out = data
		}
		if err != nil {
			if errors.Is(err, ErrLimit) {
				return nil, fail(fmt.Sprintf("/%s output beyond %d bytes", f, lim), ErrLimit)
			}
			return nil, fail("/"+string(f), err)
		}
		switch f {
		case "FlateDecode", "Fl", "LZWDecode", "LZW":
			if out, err = unpredict(out, parms[i]); err != nil {
				return nil, fail("/"+string(f)+" predictor", err)
			}
		}
		r.budget -= int64(len(out))
		data = out
	}
	return data, nil
}

// supported reports whether Decode decodes filter f with parameters p.
func supported(f Name, p Dict) bool {
	switch f {
	case "FlateDecode", "Fl", "LZWDecode", "LZW", "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85", "RunLengthDecode", "RL":
		return true
	case "Crypt":
		n, _ := p.Get("Name").(Name)
		return n == "" || n == "Identity"
	}
	return false
}

// filters returns the filter names of d and their parameters (nil
// dictionaries where none).
func (r *Reader) filters(d Dict) ([]Name, []Dict, error) {
	fo, err := r.Resolve(d.Get("Filter"))
	if err != nil {
		return nil, nil, err
	}
	var names []Name
	switch f := fo.(type) {
	case nil:
		return nil, nil, nil
	case Name:
		names = []Name{f}
	case Array:
		for _, x := range f {
			x, _ = r.Resolve(x)
			n, ok := x.(Name)
			if !ok {
				return nil, nil, fmt.Errorf("/Filter array holds a %T", x)
			}
			names = append(names, n)
		}
	default:
		return nil, nil, fmt.Errorf("/Filter is a %T", fo)
	}
	if len(names) > maxFilters {
		return nil, nil, fmt.Errorf("%d filters", len(names))
	}
	parms := make([]Dict, len(names))
	po, _ := r.Resolve(d.Get("DecodeParms"))
	switch p := po.(type) {
	case Dict:
		parms[0] = p
	case Array:
		for i := range min(len(p), len(parms)) {
			parms[i] = r.Dict(p[i])
		}
	}
	return names, parms, nil
}

// flatePool keeps flate decompressors (about 45 KB each, mostly the
// window) between calls: allocating one costs as much as inflating a
// typical invoice. It holds no state that outlives a call.
var flatePool sync.Pool

// inflater decodes FlateDecode data.
type inflater struct {
	src bytes.Reader
}

// inflate decodes zlib data (or raw deflate data, which some writers
// produce), at most limit bytes. The Adler-32 checksum is not verified, as
// in viewers: a stream whose deflate data is complete is accepted.
func (f *inflater) inflate(data []byte, limit int64, hint int) ([]byte, error) {
	body := data
	if len(data) >= 2 && data[0]&0x0f == 8 && data[0]>>4 <= 7 && (uint16(data[0])<<8|uint16(data[1]))%31 == 0 {
		if data[1]&0x20 != 0 {
			return nil, errors.New("zlib preset dictionary not supported")
		}
		body = data[2:]
	}
	f.src.Reset(body)
	var fr io.ReadCloser
	if v, ok := flatePool.Get().(io.ReadCloser); ok {
		fr = v
		if err := fr.(flate.Resetter).Reset(&f.src, nil); err != nil {
			return nil, err
		}
	} else {
		fr = flate.NewReader(&f.src)
	}
	defer flatePool.Put(fr)
	// A size hint beyond deflate's best ratio (1032:1) is a lie.
	if hint <= 0 || hint > 1100*len(data)+64 {
		hint = 4 * len(data)
	}
	return readLimited(fr, int(min(int64(hint), limit+1)), limit)
}

// readLimited reads r to its end into a buffer of first capacity size,
// failing with ErrLimit beyond limit bytes.
func readLimited(r io.Reader, size int, limit int64) ([]byte, error) {
	buf := make([]byte, 0, max(size, 512))
	var probe [64]byte
	for {
		if len(buf) == cap(buf) {
			// Full: often exactly, as the size hint was right. Look for
			// the end before growing.
			n, err := r.Read(probe[:])
			if n == 0 && err == io.EOF {
				return buf, nil
			}
			if int64(len(buf)+n) > limit {
				return nil, ErrLimit
			}
			if err != nil && err != io.EOF {
				if err == io.ErrUnexpectedEOF {
					return nil, errors.New("unexpected end of compressed data")
				}
				return nil, err
			}
			grow := min(int64(cap(buf)), limit+1-int64(len(buf)))
			buf = append(buf, make([]byte, max(int(grow), 512))...)[:len(buf)]
			buf = append(buf, probe[:n]...)
			if err == io.EOF {
				return buf, nil
			}
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, ErrLimit
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			if err == io.ErrUnexpectedEOF {
				return nil, errors.New("unexpected end of compressed data")
			}
			return nil, err
		}
	}
}

// unpredict undoes a PNG (10-15) or TIFF (2) predictor.
func unpredict(data []byte, parms Dict) ([]byte, error) {
	pred, _ := Int(parms.Get("Predictor"))
	if pred <= 1 {
		return data, nil
	}
	colors, bpc, columns := int64(1), int64(8), int64(1)
	if v, ok := Int(parms.Get("Colors")); ok {
		colors = v
	}
	if v, ok := Int(parms.Get("BitsPerComponent")); ok {
		bpc = v
	}
	if v, ok := Int(parms.Get("Columns")); ok {
		columns = v
	}
	if colors < 1 || colors > 32 || (bpc != 1 && bpc != 2 && bpc != 4 && bpc != 8 && bpc != 16) || columns < 1 || columns > 1<<24 {
		return nil, fmt.Errorf("invalid predictor parameters /Colors %d /BitsPerComponent %d /Columns %d", colors, bpc, columns)
	}
	bpp := int(max(1, colors*bpc/8))
	rowLen := int((colors*bpc*columns + 7) / 8)
	if pred == 2 {
		if bpc != 8 {
			return nil, fmt.Errorf("TIFF predictor with %d bits per component not supported", bpc)
		}
		out := bytes.Clone(data)
		for row := 0; row < len(out); row += rowLen {
			end := min(row+rowLen, len(out))
			for i := row + bpp; i < end; i++ {
				out[i] += out[i-bpp]
			}
		}
		return out, nil
	}
	if pred < 10 {
		return nil, fmt.Errorf("unknown /Predictor %d", pred)
	}
	if rowLen+1 > len(data) {
		rowLen = max(len(data)-1, 0) // one, short row
	}
	if rowLen == 0 {
		return nil, nil
	}
	out := make([]byte, 0, len(data)/(rowLen+1)*rowLen+rowLen)
	prev := make([]byte, rowLen)
	for row := 0; row < len(data); row += rowLen + 1 {
		end := min(row+rowLen+1, len(data))
		ft, in := data[row], data[row+1:end]
		start := len(out)
		out = append(out, in...)
		cur := out[start:]
		switch ft {
		case 0:
		case 1: // Sub
			for i := bpp; i < len(cur); i++ {
				cur[i] += cur[i-bpp]
			}
		case 2: // Up
			for i := range cur {
				cur[i] += prev[i]
			}
		case 3: // Average
			for i := range cur {
				var left byte
				if i >= bpp {
					left = cur[i-bpp]
				}
				cur[i] += byte((int(left) + int(prev[i])) / 2)
			}
		case 4: // Paeth
			for i := range cur {
				var a, c byte
				if i >= bpp {
					a, c = cur[i-bpp], prev[i-bpp]
				}
				cur[i] += paeth(a, prev[i], c)
			}
		default:
			return nil, fmt.Errorf("invalid PNG filter type %d in row at %d", ft, row)
		}
		copy(prev, cur)
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	if pa <= pb && pa <= pc {
		return a
	}
	if pb <= pc {
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func asciiHexDecode(data []byte, limit int64) ([]byte, error) {
	out := make([]byte, 0, min(int64(len(data)/2+1), limit+1))
	var hi byte
	half := false
	for i, c := range data {
		if c == '>' {
			break
		}
		if isWhite(c) {
			continue
		}
		v, ok := unhex(c)
		if !ok {
			return nil, fmt.Errorf("invalid character %q at %d", c, i)
		}
		if half {
			out = append(out, hi<<4|v)
			if int64(len(out)) > limit {
				return nil, ErrLimit
			}
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	if int64(len(out)) > limit {
		return nil, ErrLimit
	}
	return out, nil
}

func ascii85Decode(data []byte, limit int64) ([]byte, error) {
	data = bytes.TrimLeft(data, "\x00\t\n\f\r ")
	data = bytes.TrimPrefix(data, []byte("<~"))
	if i := bytes.Index(data, []byte("~>")); i >= 0 {
		data = data[:i]
	} else if i := bytes.IndexByte(data, '~'); i >= 0 {
		data = data[:i]
	}
	d := ascii85.NewDecoder(bytes.NewReader(data))
	return readLimited(d, int(min(int64(len(data)), limit+1)), limit)
}

func runLengthDecode(data []byte, limit int64) ([]byte, error) {
	out := make([]byte, 0, min(int64(len(data))*2, limit+1))
	for i := 0; i < len(data); {
		n := int(data[i])
		i++
		switch {
		case n == 128:
			return out, nil
		case n < 128:
			end := min(i+n+1, len(data))
			out = append(out, data[i:end]...)
			i = end
		default:
			if i >= len(data) {
				return out, nil
			}
			for range 257 - n {
				out = append(out, data[i])
			}
			i++
		}
		if int64(len(out)) > limit {
			return nil, ErrLimit
		}
	}
	return out, nil
}

// lzwDecode decodes LZWDecode data: codes of 9 to 12 bits, most
// significant bit first, 256 clear, 257 end of data. With early change (the
// default, /EarlyChange 1) the code width grows one code early.
func lzwDecode(data []byte, early bool, limit int64) ([]byte, error) {
	const (
		clear = 256
		eod   = 257
	)
	var (
		prefix [4096]uint16
		suffix [4096]byte
		length [4096]uint16
	)
	for i := range 256 {
		suffix[i] = byte(i)
		length[i] = 1
	}
	out := make([]byte, 0, min(int64(len(data))*3, limit+1))
	e := 0
	if early {
		e = 1
	}
	width, next, prev := 9, 258, -1
	var acc uint32
	nbits := 0
	pos := 0
	tmp := make([]byte, 0, 4096)
	for {
		for nbits < width && pos < len(data) {
			acc = acc<<8 | uint32(data[pos])
			pos++
			nbits += 8
		}
		if nbits < width {
			return out, nil // end of data without EOD: accept
		}
		code := int(acc>>(nbits-width)) & (1<<width - 1)
		nbits -= width
		switch {
		case code == clear:
			width, next, prev = 9, 258, -1
			continue
		case code == eod:
			return out, nil
		}
		var entry []byte
		switch {
		case code < next && (code < 256 || code >= 258):
			entry = expand(tmp[:0], code, &prefix, &suffix, &length)
			if prev >= 0 && next < 4096 {
				prefix[next], suffix[next], length[next] = uint16(prev), entry[0], length[prev]+1
				next++
			}
		case code == next && prev >= 0:
			entry = expand(tmp[:0], prev, &prefix, &suffix, &length)
			entry = append(entry, entry[0])
			if next < 4096 {
				prefix[next], suffix[next], length[next] = uint16(prev), entry[0], length[prev]+1
				next++
			}
		default:
			return nil, fmt.Errorf("invalid LZW code %d", code)
		}
		out = append(out, entry...)
		if int64(len(out)) > limit {
			return nil, ErrLimit
		}
		prev = code
		switch {
		case next+e >= 2048:
			width = 12
		case next+e >= 1024:
			width = 11
		case next+e >= 512:
			width = 10
		}
	}
}

// expand writes the string of code to dst.
func expand(dst []byte, code int, prefix *[4096]uint16, suffix *[4096]byte, length *[4096]uint16) []byte {
	n := int(length[code])
	if cap(dst) < n {
		dst = make([]byte, n)
	}
	dst = dst[:n]
	for i := n - 1; i >= 0; i-- {
		dst[i] = suffix[code]
		code = int(prefix[code])
	}
	return dst
}
