// Deliberate CPS pitfalls: proves that the lint really applies the jenkins rules to library-style files.
class StateHolder {
    String value
}

def call() {
    List<String> list = ['b', 'a']
    list.sort { x, y -> x <=> y }
    sh 'true'
}
