package org.tol.runtime.mpj;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The few MPI calls the runtime needs, made by reflection on one rank's own copy of {@code mpi.MPI} (loaded
 * by that rank's class loader, so tol never compiles against MPJ). Messages are Strings sent as
 * {@code MPI.OBJECT}: String is a JDK class, so both sides see the same type whatever their loaders.
 */
public final class MpjComm {
    private final Class<?> mpi;
    private final Object world;
    private final Object objectType;
    private final int anySource;
    private final Method bcast;
    private final Method send;
    private final Method recv;
    private final Method barrier;
    private final int rank;
    private final int size;

    private MpjComm(ClassLoader rankLoader, String[] initArgs) throws ReflectiveOperationException, MpjException {
        mpi = Class.forName("mpi.MPI", true, rankLoader);
        call(mpi.getMethod("Init", String[].class), null, (Object) initArgs);
        world = mpi.getField("COMM_WORLD").get(null);
        objectType = mpi.getField("OBJECT").get(null);
        anySource = mpi.getField("ANY_SOURCE").getInt(null);
        Class<?> dt = Class.forName("mpi.Datatype", true, rankLoader);
        Class<?> c = world.getClass();
        bcast = c.getMethod("Bcast", Object.class, int.class, int.class, dt, int.class);
        send = c.getMethod("Send", Object.class, int.class, int.class, dt, int.class, int.class);
        recv = c.getMethod("Recv", Object.class, int.class, int.class, dt, int.class, int.class);
        barrier = c.getMethod("Barrier");
        rank = (int) call(c.getMethod("Rank"), world);
        size = (int) call(c.getMethod("Size"), world);
    }

    /** Calls {@code MPI.Init(initArgs)} in the given rank loader (on the rank's own thread). */
    public static MpjComm init(ClassLoader rankLoader, String[] initArgs) throws MpjException {
        try {
            return new MpjComm(rankLoader, initArgs);
 } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new MpjException("MPI.Init failed: " + rootMessage(e), e);
        }
    }

    public int rank() {
        return rank;
    }

    public int size() {
        return size;
    }

    /** Rank {@code root}'s {@code value} on every rank. */
    public String broadcast(String value, int root) throws MpjException {
        Object[] buf = {rank == root ? value : null};
        call(bcast, world, buf, 0, 1, objectType, root);
        return (String) buf[0];
    }

    public void send(String message, int dest, int tag) throws MpjException {
        call(send, world, new Object[] {message}, 0, 1, objectType, dest, tag);
    }

    /** A message and the rank that sent it. */
    public record Message(String text, int source) {}

    /** Receives from any rank when {@code source} is negative. */
    public Message recv(int source, int tag) throws MpjException {
        Object[] buf = new Object[1];
        Object status = call(recv, world, buf, 0, 1, objectType, source < 0 ? anySource : source, tag);
        try {
            return new Message((String) buf[0], status.getClass().getField("source").getInt(status));
        } catch (ReflectiveOperationException e) {
            throw new MpjException("cannot read MPI status: " + e, e);
        }
    }

    public void barrier() throws MpjException {
        call(barrier, world);
    }

    public void finish() throws MpjException {
        try {
            call(mpi.getMethod("Finalize"), null);
        } catch (NoSuchMethodException e) {
            throw new MpjException("MPI.Finalize missing", e);
        }
    }

    private static Object call(Method m, Object target, Object... args) throws MpjException {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new MpjException("MPI " + m.getName() + " failed: " + rootMessage(e), e.getCause());
        } catch (IllegalAccessException e) {
            throw new MpjException("MPI " + m.getName() + " not accessible: " + e, e);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.toString();
    }

    /** An MPJ call failed; the message says which. */
    public static final class MpjException extends Exception {
        public MpjException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
