//go:build ignore

// mutexhandoff.go: goroutine A locks each of N mutexes 100 times, then hands it over a
// channel to goroutine B, which locks it once. Reports ns per mutex. Mirror of
// bench/c/mutexhandoff.c (the worst case for racecheck's biased mutexes).
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"
)

const locks = 100

type object struct {
	mu    sync.Mutex
	count int64
}

func main() {
	n := int64(20000)
	if len(os.Args) > 1 {
		n, _ = strconv.ParseInt(os.Args[1], 10, 64)
	}
	objs := make([]object, n)
	handoff := make(chan int64, 64)
	done := make(chan int, 1)
	t0 := time.Now()
	go func() {
		for i := int64(0); i < n; i++ {
			for k := 0; k < locks; k++ {
				objs[i].mu.Lock()
				objs[i].count++
				objs[i].mu.Unlock()
			}
			handoff <- i
		}
	}()
	go func() {
		for k := int64(0); k < n; k++ {
			i := <-handoff
			objs[i].mu.Lock()
			objs[i].count++
			objs[i].mu.Unlock()
		}
		done <- 1
	}()
	<-done
	el := time.Since(t0)
	for i := range objs {
		if objs[i].count != locks+1 {
			fmt.Fprintf(os.Stderr, "mutexhandoff: wrong count %d\n", objs[i].count)
			break
		}
	}
	fmt.Printf("RESULT mutexhandoff ns_per_op=%.1f\n", float64(el.Nanoseconds())/float64(n))
}
