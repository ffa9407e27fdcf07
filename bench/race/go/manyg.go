//go:build ignore

// manyg.go: many goroutines alive at once: main starts N goroutines; each works on its
// own 16 words, sends its result to main on an unbuffered channel, then waits until
// main closes quit. Reports ns per goroutine. Mirror of ../rc/manyg.c.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

const taskWords = 16

func task(d []int64, seed int64) int64 {
	for i := 0; i < taskWords; i++ {
		d[i] = seed + int64(i)
	}
	var s int64
	for i := 0; i < taskWords; i++ {
		s += d[i] * d[i]
	}
	return s
}

func main() {
	n := 100000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	data := make([]int64, n*taskWords)
	results := make(chan int64)
	quit := make(chan int)
	var wg sync.WaitGroup
	t0 := time.Now()
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			results <- task(data[i*taskWords:(i+1)*taskWords], int64(i))
			<-quit
			wg.Done()
		}(i)
	}
	var sum int64
	for i := 0; i < n; i++ {
		sum += <-results
	}
	close(quit)
	wg.Wait()
	el := time.Since(t0)
	fmt.Printf("RESULT manyg ns_per_op=%.1f total_ms=%.1f\n", float64(el.Nanoseconds())/float64(n), float64(el.Nanoseconds())/1e6)
	fmt.Fprintf(os.Stderr, "manyg: sum %d\n", sum)
}
